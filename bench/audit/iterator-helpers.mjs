// Iterator helpers (ES2025: iterator.map, .filter, .flatMap, .reduce, .find, .toArray, …) for Node 20.
//
// Lighthouse 13 declares node >= 22.19. On Node 20 it runs, but the trace engine's insights that call
// these helpers on Map/Set iterators (duplicated-javascript, legacy-javascript, third-parties,
// forced-reflow) fail with "… is not a function". audit.py preloads this module
// (NODE_OPTIONS=--import=…) when it runs Lighthouse; on Node 22 and later it does nothing.

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

function closeIterator(iterator) {
  if (typeof iterator.return === "function") iterator.return();
}

function checkCallable(fn, name) {
  if (typeof fn !== "function") throw new TypeError(`Iterator.prototype.${name}: ${fn} is not a function`);
}

const helpers = {
  *map(mapper) {
    checkCallable(mapper, "map");
    let counter = 0;
    for (let step = this.next(); !step.done; step = this.next()) yield mapper(step.value, counter++);
  },
  *filter(predicate) {
    checkCallable(predicate, "filter");
    let counter = 0;
    for (let step = this.next(); !step.done; step = this.next()) {
      if (predicate(step.value, counter++)) yield step.value;
    }
  },
  *take(limit) {
    let remaining = Number(limit);
    if (Number.isNaN(remaining) || remaining < 0) throw new RangeError(`${limit} must be positive`);
    while (remaining-- > 0) {
      const step = this.next();
      if (step.done) return;
      yield step.value;
    }
    closeIterator(this);
  },
  *drop(limit) {
    let remaining = Number(limit);
    if (Number.isNaN(remaining) || remaining < 0) throw new RangeError(`${limit} must be positive`);
    for (let step = this.next(); !step.done; step = this.next()) {
      if (remaining > 0) remaining--;
      else yield step.value;
    }
  },
  *flatMap(mapper) {
    checkCallable(mapper, "flatMap");
    let counter = 0;
    for (let step = this.next(); !step.done; step = this.next()) {
      const inner = mapper(step.value, counter++);
      if (inner !== null && typeof inner === "object" && typeof inner[Symbol.iterator] === "function") {
        yield* inner;
      } else if (inner !== null && typeof inner === "object" && typeof inner.next === "function") {
        for (let innerStep = inner.next(); !innerStep.done; innerStep = inner.next()) yield innerStep.value;
      } else {
        throw new TypeError("Iterator.prototype.flatMap: the mapper must return an iterator or an iterable");
      }
    }
  },
  reduce(reducer, ...initial) {
    checkCallable(reducer, "reduce");
    let counter = 0;
    let accumulator;
    if (initial.length) {
      accumulator = initial[0];
    } else {
      const first = this.next();
      if (first.done) throw new TypeError("Reduce of empty iterator with no initial value");
      accumulator = first.value;
      counter = 1;
    }
    for (let step = this.next(); !step.done; step = this.next()) {
      accumulator = reducer(accumulator, step.value, counter++);
    }
    return accumulator;
  },
  toArray() {
    const result = [];
    for (let step = this.next(); !step.done; step = this.next()) result.push(step.value);
    return result;
  },
  forEach(fn) {
    checkCallable(fn, "forEach");
    let counter = 0;
    for (let step = this.next(); !step.done; step = this.next()) fn(step.value, counter++);
  },
  some(predicate) {
    checkCallable(predicate, "some");
    let counter = 0;
    for (let step = this.next(); !step.done; step = this.next()) {
      if (predicate(step.value, counter++)) {
        closeIterator(this);
        return true;
      }
    }
    return false;
  },
  every(predicate) {
    checkCallable(predicate, "every");
    let counter = 0;
    for (let step = this.next(); !step.done; step = this.next()) {
      if (!predicate(step.value, counter++)) {
        closeIterator(this);
        return false;
      }
    }
    return true;
  },
  find(predicate) {
    checkCallable(predicate, "find");
    let counter = 0;
    for (let step = this.next(); !step.done; step = this.next()) {
      if (predicate(step.value, counter++)) {
        closeIterator(this);
        return step.value;
      }
    }
    return undefined;
  },
};

for (const [name, fn] of Object.entries(helpers)) {
  if (typeof IteratorPrototype[name] !== "function") {
    Object.defineProperty(IteratorPrototype, name, { value: fn, writable: true, configurable: true });
  }
}

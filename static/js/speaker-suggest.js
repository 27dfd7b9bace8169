// Type-ahead for the speaker filter: fills the field's <datalist> with matching names as the reader
// types. Without JavaScript the field still takes a full or partial name.
(function () {
  "use strict";
  const input = document.querySelector("input[data-suggest-url]");
  if (!input || !input.list) return;
  const list = input.list;
  let timer = null;
  let controller = null;

  function show(results) {
    list.replaceChildren(
      ...results.map(function (person) {
        const option = document.createElement("option");
        option.value = person.name;
        return option;
      })
    );
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    const typed = input.value.trim();
    if (typed.length < 2) {
      show([]);
      return;
    }
    timer = setTimeout(function () {
      if (controller) controller.abort();
      controller = new AbortController();
      const url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(typed);
      fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { show(data.results); })
        .catch(function () {});
    }, 150);
  });
})();

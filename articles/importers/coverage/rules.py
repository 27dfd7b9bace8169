"""A model's check constraints tested in Python, as the database would test them, so that an import
checks thousands of records without a query for each (Django's CheckConstraint.validate asks the
database every time). A condition holds unless it is false: a comparison with NULL is unknown, and
an unknown condition passes, in SQL as in CheckConstraint.validate. A condition of a form not known
here is left to Django."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import CheckConstraint, F, Q

COMPARISONS = {
    "exact": lambda value, wanted: value == wanted,
    "gt": lambda value, wanted: value > wanted,
    "gte": lambda value, wanted: value >= wanted,
    "lt": lambda value, wanted: value < wanted,
    "lte": lambda value, wanted: value <= wanted,
}


class Unsupported(Exception):
    """A condition this module cannot evaluate."""


def constraint_problems(instance, exclude=()):
    """(NON_FIELD_ERRORS, message) for each check constraint of `instance`'s model it breaks,
    but those on a field in `exclude`."""
    model = type(instance)
    problems = []
    for constraint in model._meta.constraints:
        if not isinstance(constraint, CheckConstraint):
            continue
        try:
            if set(fields_of(constraint.condition)) & set(exclude):
                continue
            broken = holds(constraint.condition, instance) is False
        except Unsupported:
            try:
                constraint.validate(model, instance, exclude=exclude)
                broken = False
            except ValidationError:
                broken = True
        if broken:
            problems.append((NON_FIELD_ERRORS, str(constraint.get_violation_error_message())))
    return problems


def holds(condition, instance):
    """True, False or None (unknown) for a Q of plain field lookups, in SQL's three-valued logic."""
    if not isinstance(condition, Q):
        return _lookup(*condition, instance)
    results = [holds(child, instance) for child in condition.children]
    if condition.connector == Q.AND:
        result = False if False in results else None if None in results else True
    else:
        result = True if True in results else None if None in results else False
    return (None if result is None else not result) if condition.negated else result


def fields_of(condition):
    """The fields a condition reads."""
    if not isinstance(condition, Q):
        lookup, wanted = condition
        yield lookup.split("__")[0]
        if isinstance(wanted, F):
            yield wanted.name
        return
    for child in condition.children:
        yield from fields_of(child)


def _lookup(lookup, wanted, instance):
    name, _, operator = lookup.partition("__")
    operator = operator or "exact"
    value = _value(instance, name)
    if isinstance(wanted, F):
        wanted = _value(instance, wanted.name)
    elif hasattr(wanted, "resolve_expression"):
        raise Unsupported(lookup)
    if operator == "isnull":
        return (value is None) == bool(wanted)
    if operator not in COMPARISONS:
        raise Unsupported(lookup)
    if operator == "exact" and wanted is None:
        return value is None  # Django writes field=None as IS NULL
    if value is None or wanted is None:
        return None
    return COMPARISONS[operator](value, wanted)


def _value(instance, name):
    if "__" in name:
        raise Unsupported(name)
    field = instance._meta.get_field(name)
    if field.is_relation:
        raise Unsupported(name)
    return getattr(instance, field.attname)

"""Admin pages by model, and submitting them as a browser would: every field and inline, as rendered."""

from django.forms import MultiWidget
from django.urls import reverse


def admin_url(model, action, *args):
    return reverse(f"admin:articles_{model._meta.model_name}_{action}", args=args)


def _add_form(data, form):
    for name in form.fields:
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None or value is False:
            continue
        widget = form.fields[name].widget
        if isinstance(widget, MultiWidget):  # a date and time, say: one input for each part
            for suffix, part, part_widget in zip(
                widget.widgets_names, widget.decompress(value), widget.widgets, strict=True
            ):
                if part is not None:
                    data[key + suffix] = part_widget.format_value(part)
            continue
        if isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        elif value is True:
            data[key] = "on"
        else:
            data[key] = str(value)


def admin_form_data(response, **changes):
    """The POST data of the admin add/change page in `response`, with `changes` applied
    (a value of None removes the field)."""
    data = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):  # none on a history version
        formset = inline.formset
        _add_form(data, formset.management_form)
        for form in formset.initial_forms + formset.extra_forms:
            _add_form(data, form)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def submit_admin_form(client, url, **changes):
    """Open the admin page at `url` and submit it with `changes`, as an editor would."""
    return client.post(url, admin_form_data(client.get(url), **changes))

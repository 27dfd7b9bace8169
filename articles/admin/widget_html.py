"""Django's widgets as their templates write them, written in Python, for the forms a page repeats
many times (stacked.py): an input, a text box, a select (an autocomplete's too), the admin's language
select, and the links beside a related record's select. Any other widget is rendered by Django."""

from django.contrib.admin.views.main import IS_POPUP_VAR, TO_FIELD_VAR
from django.forms.widgets import Input
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.translation import gettext as admin_text

from .forms import LanguageSelect

# admin_text() reads texts of Django's admin, which its own catalog translates: makemessages does
# not gather them under that name, and the archive's catalog does not take them over.

RELATED_LINKS = [
    # action, whether the wrapper offers it, the link's address attribute, in a popup
    ("change", "can_change_related", "data-href-template", True),
    ("add", "can_add_related", "href", True),
    ("delete", "can_delete_related", "data-href-template", True),
    ("view", "can_view_related", "data-href-template", False),
]


def escaped(value):
    return str(conditional_escape(value))


def attributes(attrs):
    """django/forms/widgets/attrs.html."""
    return "".join(
        f" {escaped(name)}" if value is True else f' {escaped(name)}="{escaped(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def widget_html(widget, name, value, attrs, renderer):
    """What widget.render() returns, written here for the widgets it knows."""
    writer = _writer(widget)
    if writer is None:
        return str(widget.render(name, value, attrs, renderer))
    return writer(widget.get_context(name, value, attrs)["widget"])


def related_links(wrapper):
    """The links of a RelatedFieldWidgetWrapper, `__name__` standing for the field's name."""
    rel_opts, site = wrapper.rel.model._meta, wrapper.admin_site.name
    to_field = f"{TO_FIELD_VAR}={wrapper.rel.get_related_field().name}"
    titles = {
        "change": admin_text("Change selected %(model)s"),
        "add": admin_text("Add another %(model)s"),
        "delete": admin_text("Delete selected %(model)s"),
        "view": admin_text("View selected %(model)s"),
    }
    links = []
    for action, allowed, attribute, popup in RELATED_LINKS:
        if not getattr(wrapper, allowed):
            continue
        page = "change" if action == "view" else action
        url = reverse(
            f"{site}:{rel_opts.app_label}_{rel_opts.model_name}_{page}",
            current_app=site,
            args=[] if action == "add" else ["__fk__"],
        )
        url += f"?{to_field}&{IS_POPUP_VAR}=1" if popup else f"?{to_field}"
        in_popup = ' data-popup="yes"' if popup else ""
        title = escaped(titles[action] % {"model": rel_opts.verbose_name})
        icon = escaped(static(f"admin/img/icon-{action}link.svg"))
        links.append(
            f'<a class="related-widget-wrapper-link {action}-related" id="{action}_id___name__" '
            f'{attribute}="{escaped(url)}"{in_popup} title="{title}">'
            f'<img src="{icon}" alt="" width="24" height="24"></a>'
        )
    return links


def related_links_key(wrapper):
    """What related_links() depends on."""
    return (
        wrapper.rel,
        wrapper.admin_site.name,
        *(getattr(wrapper, allowed) for _, allowed, _, _ in RELATED_LINKS),
    )


def select_html(widget):
    """django/forms/widgets/select.html, from a select's context["widget"]."""
    options = []
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            options.append(f'\n<optgroup label="{escaped(group_name)}">')
        options.extend(
            _option(str(option["value"]), attributes(option["attrs"]), option["label"])
            for option in group_choices
        )
        if group_name:
            options.append("\n</optgroup>")
    return _select_of(widget, "".join(options))


def _writer(widget):
    if isinstance(widget, Input) and widget.template_name == f"django/forms/widgets/{widget.input_type}.html":
        return _input
    return {
        "django/forms/widgets/textarea.html": _textarea,
        "django/forms/widgets/select.html": select_html,
        LanguageSelect.template_name: _language_select,
    }.get(widget.template_name)


def _input(widget):
    value = "" if widget["value"] is None else f' value="{escaped(str(widget["value"]))}"'
    kind, name = escaped(widget["type"]), escaped(widget["name"])
    return f'<input type="{kind}" name="{name}"{value}{attributes(widget["attrs"])}>'


def _textarea(widget):
    name, text = escaped(widget["name"]), escaped(widget["value"] or "")
    return f'<textarea name="{name}"{attributes(widget["attrs"])}>\n{text}</textarea>'


def _language_select(widget):
    chosen = widget["chosen"]
    options = "".join(
        _option(value, " selected" if value in chosen else "", label) for value, label in widget["choices"]
    )
    return _select_of(widget, options)


def _option(value, option_attributes, label):
    return f'\n<option value="{escaped(value)}"{option_attributes}>{escaped(label)}</option>'


def _select_of(widget, options):
    return f'<select name="{escaped(widget["name"])}"{attributes(widget["attrs"])}>{options}\n</select>'

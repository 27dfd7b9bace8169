"""The forms of a stacked inline written in Python, for a page that repeats one many times (an
article's quotes): the elements and attributes that Django's edit_inline/stacked.html, includes/
fieldset.html and the widgets' templates write, without some forty template renders a form (50
quotes took a second). A widget of a kind not written here is rendered by Django, as it would be.
What is the same in every form (labels, help texts, the addresses of related records) is worked
out once a page.

When the page holds the inline's empty form (the template of a form added), what every form has
alike is written there only, and js/admin-inline-forms.js copies it into the others: the links
beside a related record's select, the attributes of an autocomplete, and the fields of a folded
section left empty (when it is opened). An article's quotes were 7 KB a quote, 3.6 KB so."""

from django import forms
from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.admin.utils import quote
from django.contrib.admin.widgets import AutocompleteMixin, RelatedFieldWidgetWrapper
from django.forms.widgets import Input
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from .forms import LanguageSelect
from .widget_html import (
    admin_text,
    attributes,
    escaped,
    related_links,
    related_links_key,
    select_html,
    widget_html,
)


class InlineFormsMadeOnce(helpers.InlineAdminFormSet):
    """Django's InlineAdminFormSet, its forms made once: the change view goes through them for the
    page's media and its prepopulated fields as well as to write them, and adds up the media of
    every form, when all have the same widgets. Given to an inline's InlineAdminFormSet by
    ModelAdmin.get_inline_formsets (its __class__)."""

    @cached_property
    def _made(self):
        return list(super().__iter__())

    def __iter__(self):
        return iter(self._made)

    @property
    def media(self):
        return self.opts.media + self.formset.media  # the widgets of one form: all have the same


def stacked_forms(inline_admin_formset, share=True):
    """Every form of the inline, the empty one (the template of a form added) last, as Django's
    stacked inline writes them; with `share`, what they have alike is written in the empty one."""
    return mark_safe(StackedForms(inline_admin_formset, share).html())


class StackedForms:
    def __init__(self, inline_admin_formset, share=True):
        self.inline_admin_formset, self.share = inline_admin_formset, share
        self.inline = inline_admin_formset.opts
        self.formset = inline_admin_formset.formset
        self._labels, self._helps, self._links = {}, {}, {}
        self.sharing = False  # whether the form being written takes what forms share from the empty one
        self.texts = {
            "suffix_stops": admin_text(":?.!"),
            "view_on_site": escaped(admin_text("View on site")),
            "verbose_name": escaped(capfirst(self.inline.verbose_name)),
        }

    def html(self):
        forms_shown = list(self.inline_admin_formset)
        has_empty = self.inline_admin_formset.has_add_permission
        last = len(forms_shown) - 1
        return "".join(
            self.form(inline_admin_form, number, has_empty and number == last, has_empty)
            for number, inline_admin_form in enumerate(forms_shown)
        )

    def form(self, inline_admin_form, number, empty, has_empty):
        original, prefix = inline_admin_form.original, self.formset.prefix
        classes = "inline-related"
        if original or inline_admin_form.show_url:
            classes += " has_original"
        if empty:
            classes += " empty-form last-related"
        parts = [
            f'<div class="{classes}" id="{prefix}-{"empty" if empty else number}">',
            self.heading(inline_admin_form, number),
        ]
        if errors := inline_admin_form.form.non_field_errors():
            parts.append(str(errors))
        self.sharing = self.share and has_empty and not empty
        folding = self.sharing and not inline_admin_form.form.is_bound
        for index, fieldset in enumerate(inline_admin_form):
            parts.append(self.fieldset(fieldset, f"{prefix}-{number}-{index}-heading", folding))
        if inline_admin_form.needs_explicit_pk_field():
            parts.append(self.widget(inline_admin_form.pk_field().field))
        if fk_field := inline_admin_form.fk_field():
            parts.append(self.widget(fk_field.field))
        parts.append("</div>")
        return "".join(parts)

    def heading(self, inline_admin_form, number):
        original = inline_admin_form.original
        label = escaped(original) if original else f"#{number + 1}"
        if original and self.inline.show_change_link and self.inline.has_registered_model:
            url = reverse(admin_urlname(self.inline.opts, "change"), args=[quote(original.pk)])
            may_change = self.inline_admin_formset.has_change_permission
            label += format_html(
                ' <a href="{}" class="{}">{}</a>',
                url,
                "inlinechangelink" if may_change else "inlineviewlink",
                admin_text("Change") if may_change else admin_text("View"),
            )
        parts = [f'<h3><b>{self.texts["verbose_name"]}:</b> <span class="inline_label">{label}</span>']
        if inline_admin_form.show_url:
            parts.append(
                f'<a href="{escaped(inline_admin_form.absolute_url)}">{self.texts["view_on_site"]}</a>'
            )
        if self.formset.can_delete and self.inline_admin_formset.has_delete_permission and original:
            deletion = inline_admin_form.deletion_field()
            parts.append(f'<span class="delete">{self.widget(deletion.field)} {self.label(deletion)}</span>')
        return "\n".join(parts) + "\n</h3>"

    def fieldset(self, fieldset, heading_id, folding):
        collapsible = bool(fieldset.name) and fieldset.is_collapsible
        lines = list(fieldset)
        folded = collapsible and folding and all(_empty_and_plain(line) for line in lines)
        labelled = f' aria-labelledby="{heading_id}"' if fieldset.name else ""
        parts = [f'<fieldset class="module aligned {escaped(fieldset.classes)}"{labelled}>']
        if fieldset.name:
            heading = f'<h4 id="{heading_id}" class="fieldset-heading">{escaped(fieldset.name)}</h4>'
            if collapsible:
                opening = '<details data-fields-from="empty">' if folded else "<details>"
                heading = f"{opening}<summary>{heading}</summary>"
            parts.append(heading)
        if fieldset.description:
            parts.append(f'<div class="description">{fieldset.description}</div>')
        if not folded:
            parts.extend(self.line(line) for line in lines)
        if collapsible:
            parts.append("</details>")
        parts.append("</fieldset>")
        return "".join(parts)

    def line(self, line):
        fields = list(line)
        several = len(fields) > 1
        errors = "\n".join(
            _errors(line.form[name]) for name in line.fields if name not in line.readonly_fields
        )
        errors = errors.strip("\n")
        classes = "form-row"
        if not several and errors:
            classes += " errors"
        if not line.has_visible_field:
            classes += " hidden"
        classes += "".join(f" field-{_name(field)}" for field in fields if _name(field))
        parts = [
            f'<div class="{classes}">',
            '<div class="flex-container form-multiline">' if several else errors,
        ]
        parts.extend(self.field(field, several) for field in fields)
        if several:
            parts.append("</div>")
        parts.append("</div>")
        return "".join(parts)

    def field(self, field, several):
        bound = field.field
        errors = "" if field.is_readonly else _errors(bound)
        classes = "flex-container"
        if several:
            classes += " fieldBox"
            if _name(field):
                classes += f" field-{_name(field)}"
            if errors:
                classes += " errors"
            if bound["is_hidden"] if field.is_readonly else bound.is_hidden:
                classes += " hidden"
        if field.is_checkbox:
            classes += " checkbox-row"
            shown = self.widget(bound) + self.label(field)
        elif field.is_readonly:
            shown = f'{field.label_tag()}<div class="readonly">{field.contents()}</div>'
        else:
            shown = self.label(field) + self.widget(bound)
        return f'<div>{errors if several else ""}<div class="{classes}">{shown}</div>{self.help(field)}</div>'

    def help(self, field):
        if field.is_readonly:
            help_text, hidden, id_for_label = field.field["help_text"], field.field["is_hidden"], ""
        else:
            bound = field.field
            if bound.name not in self._helps:
                self._helps[bound.name] = str(bound.help_text)
            help_text = self._helps[bound.name]
            hidden, id_for_label = bound.is_hidden, bound.id_for_label if help_text else ""
        if not help_text:
            return ""
        id_attribute = f' id="{escaped(id_for_label)}_helptext"' if id_for_label else ""
        return f'<div class="help{" hidden" if hidden else ""}"{id_attribute}><div>{help_text}</div></div>'

    def label(self, field):
        """AdminField.label_tag(), as django/forms/label.html writes it."""
        bound = field.field
        key = (bound.name, field.is_first, field.is_checkbox)
        if key not in self._labels:
            self._labels[key] = self._label_parts(field)
        classes, contents = self._labels[key]
        widget = bound.field.widget
        id_ = widget.attrs.get("id") or bound.auto_id
        if not id_:
            return contents
        attrs = {"class": classes} if classes else {}
        if id_for_label := widget.id_for_label(id_):
            attrs["for"] = id_for_label
        return f"<label{attributes(attrs)}>{contents}</label>"

    def _label_parts(self, field):
        bound = field.field
        wanted = [
            ("vCheckboxLabel", field.is_checkbox),
            ("required", bound.field.required),
            ("inline", not field.is_first),
        ]
        classes = [name for name, wanted in wanted if wanted]
        if bound.field.required and hasattr(bound.form, "required_css_class"):
            classes.append(bound.form.required_css_class)
        contents = escaped(bound.label)
        suffix = bound.field.label_suffix if bound.field.label_suffix is not None else bound.form.label_suffix
        if not field.is_checkbox and suffix and contents and contents[-1] not in self.texts["suffix_stops"]:
            contents += escaped(suffix)
        return " ".join(classes), contents

    def widget(self, bound):
        """The bound field's widget, as BoundField.as_widget() renders it."""
        widget = bound.field.widget
        attrs = bound.build_widget_attrs({}, widget)
        if bound.auto_id and "id" not in widget.attrs:
            attrs.setdefault("id", bound.auto_id)
        return self._widget(widget, bound.html_name, bound.value(), attrs, bound.form.renderer)

    def _widget(self, widget, name, value, attrs, renderer):
        if isinstance(widget, RelatedFieldWidgetWrapper):
            return self._related(widget, name, value, attrs, renderer)
        return widget_html(widget, name, value, attrs, renderer)

    def _related(self, wrapper, name, value, attrs, renderer):
        """admin/widgets/related_widget_wrapper.html."""
        rel_opts = wrapper.rel.model._meta
        model_ref = "" if wrapper.rel.limit_choices_to else f' data-model-ref="{rel_opts.model_name}"'
        shared = self.sharing and "id" in attrs and not wrapper.is_hidden
        if shared and isinstance(wrapper.widget, AutocompleteMixin):
            shown = self._autocomplete_of_own(wrapper.widget, name, value, attrs)
        else:
            shown = self._widget(
                wrapper.widget, name, value, {**attrs, "data-from-empty": True} if shared else attrs, renderer
            )
        parts = [f'<div class="related-widget-wrapper"{model_ref}>', shown]
        if not wrapper.is_hidden and not shared:
            key = related_links_key(wrapper)
            if key not in self._links:
                self._links[key] = related_links(wrapper)
            parts.extend(link.replace("__name__", escaped(name)) for link in self._links[key])
        parts.append("</div>")
        return "".join(parts)

    def _autocomplete_of_own(self, widget, name, value, attrs):
        """An autocomplete with its own attributes only (name, id, description, state), the others
        to be copied from the same field of the empty form."""
        context = widget.get_context(name, value, attrs)["widget"]
        return select_html({**context, "attrs": {**attrs, "data-from-empty": True}})


def _errors(bound):
    """The field's errors as a list (Django renders a template for an empty one too)."""
    return str(bound.errors.as_ul()) if bound.errors else ""


def _name(field):
    return field.field["name"] if field.is_readonly else field.field.name


def _empty_and_plain(line):
    """Whether each field of the line is empty and of a kind that needs no script of its own."""
    for name in line.fields:
        if name in line.readonly_fields:
            return False
        bound = line.form[name]
        if bound.value() not in (None, "") or bound.errors:
            return False
        if not isinstance(bound.field.widget, forms.Textarea | LanguageSelect | Input):
            return False
    return True

// What an article's quote forms need in the browser (articles/admin/forms.py, articles/admin/stacked.py).
//
// Their language selects come with their chosen option only: the page writes the languages once, in
// <template id="language-choices">, and each select gets them as the page opens.
//
// What every form has alike is written in the inline's empty form only (the template of a form added),
// and copied from there, numbered for each form: as the page opens, the links beside a related record's
// select and the attributes of an autocomplete ([data-from-empty]), before Django's scripts set them up;
// the fields of a folded section left empty (<details data-fields-from="empty">) when it is opened.
(function () {
  "use strict";

  function fillLanguages(root) {
    root.querySelectorAll("select[data-language-choices]").forEach(function (select) {
      const choices = document.getElementById(select.dataset.languageChoices);
      if (!choices) return;
      const chosen = select.value;
      select.replaceChildren(choices.content.cloneNode(true));
      for (const option of select.options) {
        option.defaultSelected = option.value === chosen;
      }
      select.value = chosen;
      delete select.dataset.languageChoices;
    });
  }

  // The form holding `element`: its number, and the inline's empty form.
  function formOf(element) {
    const form = element.closest(".inline-related");
    const cut = form.id.lastIndexOf("-");
    return {
      form: form,
      number: form.id.slice(cut + 1),
      empty: document.getElementById(form.id.slice(0, cut) + "-empty"),
    };
  }

  function numbered(copy, number) {
    for (const element of [copy, ...copy.querySelectorAll("*")]) {
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.value.includes("__prefix__")) {
          element.setAttribute(attribute.name, attribute.value.replaceAll("__prefix__", number));
        }
      }
    }
    return copy;
  }

  function completeFromEmpty(select) {
    const number = formOf(select).number;
    const twin = document.getElementById(select.id.replace("-" + number + "-", "-__prefix__-"));
    delete select.dataset.fromEmpty;
    if (!twin) return;
    for (const attribute of Array.from(twin.attributes)) {
      if (!select.hasAttribute(attribute.name)) {
        select.setAttribute(attribute.name, attribute.value.replaceAll("__prefix__", number));
      }
    }
    const links = twin.parentElement.querySelectorAll(":scope > a.related-widget-wrapper-link");
    for (const link of links) {
      select.parentElement.append(numbered(link.cloneNode(true), number));
    }
  }

  function unfold(details) {
    const found = formOf(details);
    const sections = Array.from(found.form.querySelectorAll("fieldset"));
    const source = found.empty && found.empty.querySelectorAll("fieldset")[sections.indexOf(details.closest("fieldset"))];
    const sourceDetails = source && source.querySelector("details");
    delete details.dataset.fieldsFrom;
    if (!sourceDetails) return;
    for (const child of sourceDetails.children) {
      if (child.tagName !== "SUMMARY") details.append(numbered(child.cloneNode(true), found.number));
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    fillLanguages(document);
    document.querySelectorAll("select[data-from-empty]").forEach(completeFromEmpty);
    document.querySelectorAll("details[data-fields-from]").forEach(function (details) {
      details.addEventListener("toggle", function () {
        if (details.open && details.dataset.fieldsFrom) unfold(details);
      });
    });
  });
  document.addEventListener("formset:added", function (event) { fillLanguages(event.target); });
})();

// "Copy citation" on a quote's page: puts the citation on the clipboard and says so. The button is
// sent hidden and shown here, so a reader without JavaScript is not offered a button that does
// nothing; the citation stays in a text box to select and copy by hand.
(function () {
  "use strict";
  const button = document.querySelector("button[data-copy]");
  const source = button && document.getElementById(button.dataset.copy);
  const status = button && document.getElementById(button.dataset.status);
  if (!source || !status) return;

  function copied(done) {
    status.textContent = done ? button.dataset.copied : button.dataset.failed;
  }

  button.addEventListener("click", function () {
    status.textContent = "";
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.value).then(
        function () { copied(true); },
        function () { copied(false); }
      );
      return;
    }
    // Plain http: the clipboard API is not offered, the older copy command still is.
    source.select();
    copied(document.execCommand("copy"));
  });
  button.hidden = false;
})();

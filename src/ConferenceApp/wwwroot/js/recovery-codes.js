// Shows the "Copy to the clipboard" button on the recovery codes page and copies the codes,
// one per line. Without script, or without the Clipboard API (pages served over plain HTTP
// other than localhost), the button stays hidden and the download link remains.
(function () {
    "use strict";

    var button = document.getElementById("copy-recovery-codes");
    var status = document.getElementById("copy-recovery-codes-status");
    if (!button || !navigator.clipboard || !window.isSecureContext) {
        return;
    }

    button.classList.remove("d-none");
    button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.getAttribute("data-codes") + "\n").then(
            function () { status.textContent = button.getAttribute("data-text-copied"); },
            function () { status.textContent = button.getAttribute("data-text-failed"); });
    });
})();

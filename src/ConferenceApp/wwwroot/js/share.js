// The share control of the talk and speaker pages (Views/Shared/_Share.cshtml). With the Web
// Share API the button opens the system's share sheet. Otherwise it copies the page's address
// and reports whether that worked. Without this script the control stays a list of plain links.
"use strict";

(function () {
  for (const control of document.querySelectorAll(".share[data-share-url]")) {
    const button = control.querySelector(".share-button");
    const feedback = control.querySelector(".share-feedback");
    const url = control.dataset.shareUrl;
    const title = control.dataset.shareTitle;
    const canShare = typeof navigator.share === "function";
    const canCopy = navigator.clipboard && typeof navigator.clipboard.writeText === "function";
    if (!button || !feedback || (!canShare && !canCopy)) {
      continue;
    }

    button.textContent = canShare ? control.dataset.labelShare : control.dataset.labelCopy;
    button.hidden = false;
    button.addEventListener("click", async () => {
      feedback.textContent = "";
      if (canShare) {
        try {
          await navigator.share({ title: title, url: url });
        } catch (error) {
          // AbortError means the visitor closed the share sheet, which needs no message.
          if (error.name !== "AbortError" && canCopy) {
            await copy();
          }
        }
        return;
      }

      await copy();
    });

    async function copy() {
      try {
        await navigator.clipboard.writeText(url);
        feedback.textContent = control.dataset.copied;
      } catch {
        feedback.textContent = control.dataset.copyFailed;
      }
    }
  }
})();

// Registers the service worker (/sw.js) that keeps copies of the public pages for offline
// reading, and shows the offline notice (Views/Shared/_OfflineNotice.cshtml) when the worker
// served this page from its copies. The worker marks such a page with data-offline-copy on the
// <html> element, holding the time the copy was saved.
"use strict";

(function () {
  showOfflineNotice();

  if (!("serviceWorker" in navigator) || !document.currentScript) {
    return;
  }

  // sw.js sits in the site's root, two levels above this file, so its scope is the whole site.
  const workerUrl = new URL("../sw.js", document.currentScript.src);
  const pageHadWorker = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.register(workerUrl.href)
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // The worker did not see this page load, so it is sent the page and its files to save.
      if (!pageHadWorker && registration.active) {
        const files = [...document.querySelectorAll("link[rel=stylesheet][href], script[src]")]
          .map((element) => element.href || element.src);
        registration.active.postMessage({ type: "save", urls: [location.href, ...files] });
      }
    })
    .catch(() => {
      // Without a worker the site works as before, only not offline.
    });

  function showOfflineNotice() {
    const savedAt = document.documentElement.dataset.offlineCopy;
    const notice = document.querySelector(".offline-notice[data-template]");
    if (!savedAt || !notice) {
      return;
    }

    const saved = new Date(savedAt);
    if (Number.isNaN(saved.getTime())) {
      return;
    }

    // Dates and times keep their English form in every interface language, as on the server's pages.
    const sameDay = saved.toDateString() === new Date().toDateString();
    const when = sameDay
      ? saved.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      : saved.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    notice.textContent = notice.dataset.template.replace("{0}", when);
    notice.hidden = false;
  }
})();

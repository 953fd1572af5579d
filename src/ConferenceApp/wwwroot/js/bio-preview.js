// Live preview of the Markdown bio on the speaker's profile form. The textarea's data
// attributes name the preview endpoint and the element to fill. The server sanitizes the
// returned HTML with MarkdownRenderer, as on the public speaker page.
(function () {
  'use strict';

  var delayMs = 400;
  var textarea = document.querySelector('textarea[data-preview-url]');
  if (!textarea || !textarea.form) {
    return;
  }

  var target = document.getElementById(textarea.getAttribute('data-preview-target'));
  var tokenField = textarea.form.querySelector('input[name="__RequestVerificationToken"]');
  if (!target || !tokenField) {
    return;
  }

  var timer = null;
  var latest = 0;

  function render() {
    var request = ++latest;
    var body = new FormData();
    body.append('bio', textarea.value);
    body.append('__RequestVerificationToken', tokenField.value);

    fetch(textarea.getAttribute('data-preview-url'), { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('The preview request failed with status ' + response.status + '.');
        }
        return response.text();
      })
      .then(function (html) {
        // A slower, older response must not replace a newer preview.
        if (request === latest) {
          if (html) {
            target.innerHTML = html;
          } else {
            var empty = document.createElement('p');
            empty.className = 'text-body-secondary small mb-0';
            empty.textContent = textarea.getAttribute('data-text-empty');
            target.replaceChildren(empty);
          }
        }
      })
      .catch(function () {
        if (request === latest) {
          target.textContent = textarea.getAttribute('data-text-failed');
        }
      });
  }

  textarea.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(render, delayMs);
  });

  render();
})();

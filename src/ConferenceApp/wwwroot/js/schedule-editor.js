// The schedule editor's drags: a session block to another room and time, its bottom edge to a
// new length, a talk to another block or place. Times come from the grid's rows, in the
// conference's zone. The server renders each row's local time and the calendar days the grid
// covers, and this script only adds whole minutes, so the browser's time zone is never used.
// Each drag posts JSON with the antiforgery token in a header. After a save the grid region is
// fetched again. After a rejection the block goes back and the reason shows in an alert.
(function () {
  'use strict';

  var editor = document.querySelector('.schedule-editor');
  if (!editor) {
    return;
  }

  var minutesPerDay = 24 * 60;
  var baseUrl = editor.getAttribute('data-base-url');
  var tokenHeader = editor.getAttribute('data-antiforgery-header');
  var tokenField = editor.querySelector('input[name="__RequestVerificationToken"]');
  var alertBox = document.getElementById('schedule-alert');
  var statusBox = document.getElementById('schedule-status');
  var dragged = null;
  // True once a drop on a valid target has been handled, so that dragend can tell a drop that landed nowhere.
  var dropped = false;

  function region() {
    return document.getElementById('schedule-region');
  }

  function numberOf(element, name) {
    return parseInt(element.getAttribute(name), 10);
  }

  function pad(value) {
    return (value < 10 ? '0' : '') + value;
  }

  // Returns "yyyy-MM-ddTHH:mm" for a minute count from the grid day's midnight.
  function localTime(minute) {
    var days = region().getAttribute('data-days').split(' ');
    var dayIndex = Math.floor(minute / minutesPerDay);
    var inDay = minute - dayIndex * minutesPerDay;
    return days[dayIndex] + 'T' + pad(Math.floor(inDay / 60)) + ':' + pad(inDay % 60);
  }

  // Returns "09:30", or "00:30 +1" for a minute on a later calendar day, as the grid labels times.
  function clockLabel(minute) {
    var dayIndex = Math.floor(minute / minutesPerDay);
    var inDay = minute - dayIndex * minutesPerDay;
    var label = pad(Math.floor(inDay / 60)) + ':' + pad(inDay % 60);
    return dayIndex > 0 ? label + ' +' + dayIndex : label;
  }

  function roundTo(minute, step) {
    return Math.floor((minute + step / 2) / step) * step;
  }

  function gridRowOf(minute) {
    var area = region();
    return (minute - numberOf(area, 'data-first-minute')) / numberOf(area, 'data-snap') + 2;
  }

  function clearAlert() {
    alertBox.textContent = '';
  }

  function showAlert(message, offerReload) {
    clearAlert();
    var box = document.createElement('div');
    box.className = 'alert alert-danger d-flex flex-wrap align-items-center gap-2';
    var text = document.createElement('span');
    text.textContent = message;
    box.appendChild(text);
    if (offerReload) {
      var reload = document.createElement('button');
      reload.type = 'button';
      reload.className = 'btn btn-sm btn-outline-danger ms-auto';
      reload.textContent = 'Reload the grid';
      reload.addEventListener('click', function () {
        clearAlert();
        refresh();
      });
      box.appendChild(reload);
    }

    alertBox.appendChild(box);
  }

  // Shows a saved change in the status area, with a link to the conflicts page when the change created conflicts.
  function announce(result) {
    if (!statusBox) {
      return;
    }

    statusBox.textContent = '';
    var box = document.createElement('div');
    box.className = 'alert py-2 ' + (result.newConflicts > 0 ? 'alert-warning' : 'alert-success');
    box.textContent = result.message;
    if (result.newConflicts > 0 && result.conflictsUrl) {
      var link = document.createElement('a');
      link.href = result.conflictsUrl;
      link.textContent = 'See the conflicts';
      box.appendChild(document.createTextNode(' '));
      box.appendChild(link);
    }

    statusBox.appendChild(box);
  }

  // Posts a JSON body and resolves to { status, message, newConflicts, conflictsUrl } whatever the outcome.
  function post(url, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[tokenHeader] = tokenField ? tokenField.value : '';
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json()
          .catch(function () {
            return { message: 'The server returned HTTP ' + response.status + ' without a message.' };
          })
          .then(function (reply) {
            return {
              status: response.status,
              message: reply.message || ('HTTP ' + response.status),
              newConflicts: reply.newConflicts || 0,
              conflictsUrl: reply.conflictsUrl || null
            };
          });
      })
      .catch(function () {
        return { status: 0, message: 'The server could not be reached, so the change was not saved. Check the connection and reload the grid.' };
      });
  }

  // Fetches the page again and swaps in the grid region and the conflict link.
  function refresh() {
    return fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        ['schedule-region', 'schedule-conflicts'].forEach(function (id) {
          var current = document.getElementById(id);
          var replacement = fresh.getElementById(id);
          if (current && replacement) {
            current.replaceWith(document.importNode(replacement, true));
          }
        });
      });
  }

  // Sends a session to a room and time. restore() puts the block back when the save is rejected.
  function moveSession(block, room, startMinute, endMinute, restore) {
    block.classList.add('saving');
    var url = baseUrl + '/sessions/' + block.getAttribute('data-session-id') + '/move';
    var body = { version: block.getAttribute('data-version'), room: room, start: localTime(startMinute), end: localTime(endMinute) };
    return post(url, body).then(function (result) {
      block.classList.remove('saving');
      if (result.status === 200) {
        clearAlert();
        announce(result);
        return refresh();
      }

      restore();
      showAlert(result.message, result.status === 409 || result.status === 0);
      return null;
    });
  }

  function moveTalk(talk, sessionId, position) {
    var url = baseUrl + '/talks/' + talk.getAttribute('data-talk-id') + '/move';
    var body = { version: talk.getAttribute('data-version'), sessionId: sessionId, position: position };
    return post(url, body).then(function (result) {
      if (result.status === 200) {
        clearAlert();
        announce(result);
        return refresh();
      }

      showAlert(result.message, result.status === 409 || result.status === 0);
      return null;
    });
  }

  function clearMarks() {
    editor.querySelectorAll('.drop-target, .drop-before, .drop-after, .talk-target').forEach(function (element) {
      element.classList.remove('drop-target', 'drop-before', 'drop-after', 'talk-target');
    });
  }

  editor.addEventListener('dragstart', function (event) {
    var talk = event.target.closest && event.target.closest('.schedule-talk');
    var block = event.target.closest && event.target.closest('.schedule-block');
    dropped = false;
    if (talk) {
      dragged = { kind: 'talk', element: talk };
      talk.classList.add('dragging');
    } else if (block) {
      dragged = { kind: 'session', element: block };
      block.classList.add('dragging');
      // Blocks, the dragged one too, stop taking pointer events after the drag image is made, so
      // the cell under the pointer receives the drop even where a block covers it.
      window.setTimeout(function () {
        editor.classList.add('is-dragging-session');
      }, 0);
    } else {
      return;
    }

    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', dragged.element.getAttribute('data-title') || '');
  });

  editor.addEventListener('dragend', function () {
    if (dragged) {
      dragged.element.classList.remove('dragging');
      if (!dropped) {
        showAlert(dragged.kind === 'session'
          ? 'The session was not moved: drop it on a cell of the grid, in a room\'s column or the all-rooms lane.'
          : 'The talk was not moved: drop it on a session block, before or after another talk.', false);
      }
    }

    editor.classList.remove('is-dragging-session');
    clearMarks();
    dragged = null;
  });

  // Returns where a dragged talk would land: the target block, and the talk it goes before or after.
  function talkDropPlace(event) {
    var block = event.target.closest('.schedule-block');
    if (!block) {
      return null;
    }

    var over = event.target.closest('.schedule-talk');
    if (over === dragged.element || (over && !block.contains(over))) {
      over = null;
    }

    var after = false;
    if (over) {
      var box = over.getBoundingClientRect();
      after = event.clientY > box.top + box.height / 2;
    }

    return { block: block, over: over, after: after };
  }

  editor.addEventListener('dragover', function (event) {
    if (!dragged) {
      return;
    }

    if (dragged.kind === 'session') {
      var cell = event.target.closest('.drop-cell');
      if (cell) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        clearMarks();
        cell.classList.add('drop-target');
      }

      return;
    }

    var place = talkDropPlace(event);
    if (place) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      clearMarks();
      if (place.over) {
        place.over.classList.add(place.after ? 'drop-after' : 'drop-before');
      } else {
        place.block.classList.add('talk-target');
      }
    }
  });

  editor.addEventListener('drop', function (event) {
    if (!dragged) {
      return;
    }

    event.preventDefault();
    var source = dragged;
    clearMarks();

    if (source.kind === 'session') {
      var cell = event.target.closest('.drop-cell');
      if (cell) {
        dropped = true;
        dropSession(source.element, cell);
      }

      return;
    }

    var place = talkDropPlace(event);
    if (!place) {
      return;
    }

    dropped = true;

    var others = Array.prototype.filter.call(place.block.querySelectorAll('.schedule-talk'), function (talk) {
      return talk !== source.element;
    });
    var position = others.length;
    if (place.over) {
      position = others.indexOf(place.over);
      if (place.after) {
        position += 1;
      }
    }

    moveTalk(source.element, numberOf(place.block, 'data-session-id'), position);
  });

  function dropSession(block, cell) {
    var startMinute = numberOf(cell, 'data-minute');
    var endMinute = startMinute + numberOf(block, 'data-duration');
    var room = cell.getAttribute('data-room');
    var placed = block.classList.contains('placed');
    var before = { row: block.style.gridRow, column: block.style.gridColumn };

    if (placed) {
      block.style.gridRow = gridRowOf(startMinute) + ' / ' + Math.max(gridRowOf(endMinute), gridRowOf(startMinute) + 1);
      block.style.gridColumn = room === 'all' ? '2 / -1' : cell.style.gridColumn;
    }

    moveSession(block, room, startMinute, endMinute, function () {
      block.style.gridRow = before.row;
      block.style.gridColumn = before.column;
    });
  }

  // The bottom edge: pointer events, so the length follows the pointer in whole rows.
  editor.addEventListener('pointerdown', function (event) {
    var handle = event.target.closest('.block-resize');
    if (!handle || event.button !== 0) {
      return;
    }

    event.preventDefault();
    var block = handle.closest('.schedule-block');
    var area = region();
    var snap = numberOf(area, 'data-snap');
    var cell = area.querySelector('.drop-cell');
    var minuteHeight = cell.getBoundingClientRect().height / snap;
    var startMinute = numberOf(block, 'data-start-minute');
    var endMinute = numberOf(block, 'data-end-minute');
    var timeLabel = block.querySelector('.block-time');
    var before = { row: block.style.gridRow, label: timeLabel ? timeLabel.textContent : '' };
    var startY = event.clientY;
    var newEnd = endMinute;

    block.draggable = false;
    block.classList.add('resizing');
    handle.setPointerCapture(event.pointerId);

    function onMove(moveEvent) {
      var moved = (moveEvent.clientY - startY) / minuteHeight;
      newEnd = Math.abs(moved) < snap / 2 ? endMinute : Math.max(startMinute + snap, roundTo(endMinute + moved, snap));
      block.style.gridRowEnd = String(gridRowOf(Math.ceil(newEnd / snap) * snap));
      if (timeLabel) {
        timeLabel.textContent = clockLabel(startMinute) + '–' + clockLabel(newEnd);
      }
    }

    function onUp() {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
      block.classList.remove('resizing');
      block.draggable = true;
      if (newEnd === endMinute) {
        block.style.gridRow = before.row;
        return;
      }

      moveSession(block, block.getAttribute('data-room'), startMinute, newEnd, function () {
        block.style.gridRow = before.row;
        if (timeLabel) {
          timeLabel.textContent = before.label;
        }
      });
    }

    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  });

  // The snap select applies at once; its button stays for browsers without this script.
  editor.addEventListener('change', function (event) {
    if (event.target.id === 'schedule-snap') {
      event.target.form.submit();
    }
  });
}());

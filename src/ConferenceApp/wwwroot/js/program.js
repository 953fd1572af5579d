// The program page's behaviour: the day switcher without reloads, the "now" and "next" marks
// (rules in program-now.js), and times in the viewer's own zone. Without this script the page
// still works: day and layout links and the filter form reload the page with a query string.
(function () {
  'use strict';

  var program = document.getElementById('program');
  if (!program || !window.ProgramNow) {
    return;
  }

  var zoneStorageKey = 'program-time-zone';
  var refreshMilliseconds = 60 * 1000;

  function items() {
    return Array.prototype.slice.call(program.querySelectorAll('article.item'));
  }

  // Each item takes its instants from the two <time> elements of its slot.
  function entryOf(item) {
    var times = item.closest('.slot').querySelectorAll('.slot-time time');
    return { start: Date.parse(times[0].dateTime), end: Date.parse(times[1].dateTime) };
  }

  // Days

  function dayLinks() {
    return Array.prototype.slice.call(document.querySelectorAll('.day-switcher a[data-day]'));
  }

  function showDay(day) {
    var sections = program.querySelectorAll('section.program-day');
    Array.prototype.forEach.call(sections, function (section) {
      section.hidden = day !== 'all' && section.getAttribute('data-day') !== day;
    });
    dayLinks().forEach(function (link) {
      var chosen = link.getAttribute('data-day') === day;
      link.classList.toggle('active', chosen);
      if (chosen) {
        link.setAttribute('aria-current', 'page');
      } else {
        link.removeAttribute('aria-current');
      }
    });
  }

  // Keeps the day of the other links and of the filter form in step with the address.
  function carryDay(day) {
    var tools = document.querySelectorAll('.layout-switcher a, a.clear-filters, .no-match a');
    Array.prototype.forEach.call(tools, function (link) {
      var url = new URL(link.href);
      url.searchParams.set('day', day);
      link.href = url.pathname + url.search;
    });

    var form = document.querySelector('form.program-filter');
    if (form) {
      var input = form.querySelector('input[name="day"]');
      if (!input) {
        input = document.createElement('input');
        input.type = 'hidden';
        input.name = 'day';
        form.appendChild(input);
      }
      input.value = day;
    }
  }

  function dayFromAddress() {
    return new URLSearchParams(window.location.search).get('day');
  }

  function setUpDays() {
    var links = dayLinks();
    links.forEach(function (link) {
      link.addEventListener('click', function (event) {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
          return;
        }
        event.preventDefault();
        var day = link.getAttribute('data-day');
        showDay(day);
        carryDay(day);
        window.history.pushState({ day: day }, '', link.getAttribute('href'));
        link.focus();
      });
    });

    window.addEventListener('popstate', function () {
      var day = dayFromAddress();
      var known = links.some(function (link) { return link.getAttribute('data-day') === day; });
      var first = links.length > 0 ? links[0].getAttribute('data-day') : null;
      var shown = known ? day : first;
      if (shown) {
        showDay(shown);
        carryDay(shown);
      }
    });
  }

  // Now and next

  function markNow(scroll) {
    var list = items();
    var entries = list.map(entryOf);
    var result = window.ProgramNow.classify(entries, Date.now());

    list.forEach(function (item) {
      item.classList.remove('is-now', 'is-next');
      var old = item.querySelector('.now-mark');
      if (old) {
        old.remove();
      }
    });

    function mark(index, className, text) {
      var item = list[index];
      item.classList.add(className);
      var label = document.createElement('span');
      label.className = 'now-mark';
      label.textContent = text;
      item.querySelector('.item-meta').prepend(label);
    }

    result.current.forEach(function (index) { mark(index, 'is-now', program.getAttribute('data-text-now')); });
    result.next.forEach(function (index) { mark(index, 'is-next', program.getAttribute('data-text-next')); });

    if (result.focus < 0) {
      return;
    }

    var target = list[result.focus];
    var section = target.closest('section.program-day');

    // Without a day in the address the page opens on the day of the current or next item.
    if (scroll && section.hidden && dayFromAddress() === null) {
      showDay(section.getAttribute('data-day'));
    }

    // In the list layout the slot has a box of its own and starts with the time. In the grid
    // layout it has none (display: contents), so the item itself is scrolled to.
    if (scroll && !window.location.hash && !section.hidden) {
      var slot = target.closest('.slot');
      (slot.getClientRects().length > 0 ? slot : target).scrollIntoView({ block: 'start' });
    }
  }

  // Time zones

  function setUpZones() {
    var zoneLine = document.getElementById('program-zone');
    var button = zoneLine && zoneLine.querySelector('.zone-toggle');
    if (!button || typeof Intl === 'undefined') {
      return;
    }

    var conferenceZone = zoneLine.getAttribute('data-zone');
    var viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!viewerZone || viewerZone === conferenceZone) {
      return;
    }

    var label = zoneLine.querySelector('.zone-label');
    // The server's label, whose zone name is in a <bdi> so that it keeps its order on right-to-left pages.
    var conferenceLabel = Array.prototype.slice.call(label.childNodes);
    var language = document.documentElement.lang || undefined;
    var clock = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: viewerZone });
    var isoDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: viewerZone });
    // Dates keep their English form in every interface language, as the server writes them ("Fri 10 Mar").
    var shortDay = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: viewerZone });

    // Writes a text with "{0}" into an element, the zone name isolated in a <bdi> as the server does.
    function writeWithZone(element, text, zone) {
      var at = text.indexOf('{0}');
      var name = document.createElement('bdi');
      name.textContent = zone;
      element.textContent = '';
      if (at < 0) {
        element.append(text);
        return;
      }
      element.append(text.slice(0, at), name, text.slice(at + 3));
    }

    writeWithZone(button, zoneLine.getAttribute('data-text-show-own'), viewerZone);
    button.hidden = false;

    function apply(own) {
      button.setAttribute('aria-pressed', own ? 'true' : 'false');
      if (own) {
        writeWithZone(label, zoneLine.getAttribute('data-text-viewer'), viewerZone);
      } else {
        label.replaceChildren.apply(label, conferenceLabel);
      }
      program.classList.toggle('viewer-zone', own);

      var times = program.querySelectorAll('.slot-time time[datetime]');
      Array.prototype.forEach.call(times, function (time) {
        if (!time.hasAttribute('data-conference-text')) {
          time.setAttribute('data-conference-text', time.textContent);
        }
        if (!own) {
          time.textContent = time.getAttribute('data-conference-text');
          return;
        }

        // A time that falls on another date in the viewer's zone than the day it is listed under
        // carries that date.
        var instant = new Date(time.dateTime);
        var text = clock.format(instant);
        var section = time.closest('section.program-day');
        if (section && isoDay.format(instant) !== section.getAttribute('data-day')) {
          text += ' (' + shortDay.format(instant) + ')';
        }
        time.textContent = text;
      });
    }

    var stored = null;
    try {
      stored = window.localStorage.getItem(zoneStorageKey);
    } catch (error) {
      stored = null;
    }
    apply(stored === 'viewer');

    button.addEventListener('click', function () {
      var own = button.getAttribute('aria-pressed') !== 'true';
      apply(own);
      try {
        if (own) {
          window.localStorage.setItem(zoneStorageKey, 'viewer');
        } else {
          window.localStorage.removeItem(zoneStorageKey);
        }
      } catch (error) {
        // Storage may be disabled; the choice then lasts until the page is left.
      }
    });
  }

  setUpDays();
  setUpZones();
  markNow(true);
  window.setInterval(function () { markNow(false); }, refreshMilliseconds);
})();

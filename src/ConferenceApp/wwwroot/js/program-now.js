// The rules of the program page's "now" and "next" marks, kept apart from the page so that they
// can be tested alone. Times are milliseconds since the epoch; each entry is one item with its
// start and end. The page script (program.js) reads the entries from <time datetime> elements.
(function (global) {
  'use strict';

  // The marks appear from this long before the first item starts, so that on the evening before
  // (or the morning of) the first day the opening items show as next.
  var leadMilliseconds = 12 * 60 * 60 * 1000;

  // Returns which entries are current and which are next at `now`:
  //  - an entry is current from its start (included) to its end (excluded), so of two touching
  //    items only the later one is current at the moment they touch;
  //  - the next entries are those with the earliest start after `now`, in any room and on any
  //    day, and all of them when several start together (items across all rooms count like any
  //    other);
  //  - nothing is marked before the lead time ahead of the first start or once the last entry
  //    has ended.
  // `focus` is the index to scroll to: the first current entry, else the first next one, else -1.
  function classify(entries, now) {
    var result = { running: false, current: [], next: [], focus: -1 };
    if (entries.length === 0) {
      return result;
    }

    var firstStart = Infinity;
    var lastEnd = -Infinity;
    entries.forEach(function (entry) {
      firstStart = Math.min(firstStart, entry.start);
      lastEnd = Math.max(lastEnd, entry.end);
    });
    if (now < firstStart - leadMilliseconds || now >= lastEnd) {
      return result;
    }

    result.running = true;
    var nextStart = Infinity;
    entries.forEach(function (entry, index) {
      if (entry.start <= now && now < entry.end) {
        result.current.push(index);
      } else if (entry.start > now) {
        nextStart = Math.min(nextStart, entry.start);
      }
    });

    entries.forEach(function (entry, index) {
      if (entry.start === nextStart) {
        result.next.push(index);
      }
    });

    if (result.current.length > 0) {
      result.focus = result.current[0];
    } else if (result.next.length > 0) {
      result.focus = result.next[0];
    }

    return result;
  }

  global.ProgramNow = { classify: classify, leadMilliseconds: leadMilliseconds };
})(window);

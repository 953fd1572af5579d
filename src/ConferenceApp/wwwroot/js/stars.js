// Stars of program items, kept in this browser's localStorage per conference, and the agenda
// page's share link and private calendar feed. The script tag carries the conference slug and
// the interface text in data attributes, because the pages allow no inline script.
(function () {
    'use strict';

    var script = document.currentScript;
    var conference = script && script.dataset.conference;
    if (!conference) {
        return;
    }

    var starsStorageKey = 'conferenceapp:stars:' + conference;
    var feedStorageKey = 'conferenceapp:agenda-feed:' + conference;
    // The list that the feed last accepted, so that a page load can send a change that never arrived.
    var sentStorageKey = 'conferenceapp:agenda-feed-sent:' + conference;
    // A message for the next agenda page of this tab, such as how many stars were just added.
    var messageStorageKey = 'conferenceapp:agenda-message:' + conference;
    var keyPattern = /^(talk|session)-[1-9][0-9]{0,9}$/;
    var tokenPattern = /^[A-Za-z0-9_-]{43}$/;
    var base = '/' + encodeURIComponent(conference) + '/agenda';

    function readStars() {
        try {
            var stored = JSON.parse(window.localStorage.getItem(starsStorageKey) || '[]');
            return Array.isArray(stored) ? stored.filter(function (key) { return typeof key === 'string' && keyPattern.test(key); }) : [];
        } catch (error) {
            return [];
        }
    }

    function writeStars(stars) {
        try {
            window.localStorage.setItem(starsStorageKey, JSON.stringify(stars));
        } catch (error) {
            // Storage is full or turned off: the stars of this page view still show.
        }
    }

    function readToken() {
        var token = null;
        try {
            token = window.localStorage.getItem(feedStorageKey);
        } catch (error) {
            return null;
        }

        return token && tokenPattern.test(token) ? token : null;
    }

    // Storing or removing a token also removes the record of the list sent to the previous feed.
    function writeToken(token) {
        try {
            if (token) {
                window.localStorage.setItem(feedStorageKey, token);
            } else {
                window.localStorage.removeItem(feedStorageKey);
            }

            window.localStorage.removeItem(sentStorageKey);
        } catch (error) {
            // Without storage the feed cannot follow later stars; it still shows the current ones.
        }
    }

    // Returns the list that the feed last accepted, or null when none is recorded.
    function readSent() {
        try {
            var sent = JSON.parse(window.localStorage.getItem(sentStorageKey) || 'null');
            return Array.isArray(sent) ? sent : null;
        } catch (error) {
            return null;
        }
    }

    function writeSent(items) {
        try {
            window.localStorage.setItem(sentStorageKey, JSON.stringify(items));
        } catch (error) {
            // Without the record, the next page load sends the list once more, which changes nothing.
        }
    }

    function readMessage() {
        try {
            var message = window.sessionStorage.getItem(messageStorageKey);
            window.sessionStorage.removeItem(messageStorageKey);
            return message;
        } catch (error) {
            return null;
        }
    }

    function writeMessage(message) {
        try {
            window.sessionStorage.setItem(messageStorageKey, message);
        } catch (error) {
            // The next page shows no message; the stars are added all the same.
        }
    }

    function agendaUrl(stars) {
        return base + (stars.length > 0 ? '?items=' + stars.join(',') : '');
    }

    function sameItems(first, second) {
        return first.slice().sort().join(',') === second.slice().sort().join(',');
    }

    function format(template, value) {
        return (template || '{0}').replace('{0}', value);
    }

    // One polite live region per page announces each change of a star.
    var liveRegion = document.createElement('div');
    liveRegion.className = 'visually-hidden';
    liveRegion.setAttribute('role', 'status');
    liveRegion.setAttribute('aria-live', 'polite');
    document.body.appendChild(liveRegion);

    function announce(text) {
        liveRegion.textContent = '';
        window.setTimeout(function () { liveRegion.textContent = text; }, 50);
    }

    var buttons = Array.prototype.filter.call(
        document.querySelectorAll('button.star-toggle[data-item-key]'),
        function (button) { return keyPattern.test(button.dataset.itemKey); });

    function showStars() {
        var stars = readStars();
        buttons.forEach(function (button) {
            button.setAttribute('aria-pressed', stars.indexOf(button.dataset.itemKey) >= 0 ? 'true' : 'false');
        });
        document.querySelectorAll('a.agenda-link').forEach(function (link) {
            link.href = agendaUrl(stars);
        });
    }

    // The feed gets the whole list after each change; changes within half a second share one
    // request. A change still waiting when the page is hidden or left is sent at once, and a page
    // load sends the list when it differs from the one the feed last accepted.
    var syncTimer = null;

    function scheduleFeedUpdate() {
        if (!readToken()) {
            return;
        }

        window.clearTimeout(syncTimer);
        syncTimer = window.setTimeout(function () {
            syncTimer = null;
            updateFeed(false);
        }, 500);
    }

    function flushFeedUpdate() {
        if (syncTimer === null) {
            return;
        }

        window.clearTimeout(syncTimer);
        syncTimer = null;
        updateFeed(true);
    }

    function catchUpFeed() {
        var sent = readSent();
        if (readToken() && (sent === null || !sameItems(sent, readStars()))) {
            updateFeed(true);
        }
    }

    // A keepalive request outlives the page, so it still arrives when the page is left or replaced.
    // Browsers allow such a request 64 KiB of body, which is also the most that the server accepts.
    function updateFeed(keepalive) {
        var token = readToken();
        if (!token) {
            return Promise.resolve();
        }

        var items = readStars();
        return fetch(base + '/feeds/' + token, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ items: items }),
            keepalive: keepalive
        }).then(function (response) {
            if (response.ok) {
                writeSent(items);
            } else if (response.status === 404) {
                // The feed was stopped elsewhere; this browser removes its token.
                writeToken(null);
                agendaPage.showFeed();
            } else {
                agendaPage.status('feedFailed');
            }
        }, function () {
            agendaPage.status('feedFailed');
        });
    }

    function setStar(key, starred) {
        var stars = readStars().filter(function (existing) { return existing !== key; });
        if (starred) {
            stars.push(key);
        }

        writeStars(stars);
        showStars();
        agendaPage.followStars();
        scheduleFeedUpdate();
    }

    buttons.forEach(function (button) {
        button.hidden = false;
        button.addEventListener('click', function () {
            var starred = button.getAttribute('aria-pressed') !== 'true';
            setStar(button.dataset.itemKey, starred);
            var title = button.dataset.itemTitle || button.getAttribute('aria-label') || button.dataset.itemKey;
            announce(format(starred ? script.dataset.starred : script.dataset.unstarred, title));
        });
    });

    // Stars changed in another tab of this browser.
    window.addEventListener('storage', function (event) {
        if (event.key === starsStorageKey) {
            showStars();
        }
    });

    // Mobile browsers may discard a hidden page without a pagehide event, so both send the waiting change.
    window.addEventListener('pagehide', flushFeedUpdate);
    document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'hidden') {
            flushFeedUpdate();
        }
    });

    var agendaPage = agendaPageOf(document.querySelector('.agenda[data-items]'));
    showStars();
    catchUpFeed();
    agendaPage.start();

    // The agenda page: the share notice, the share link and the feed. Without that page every method does nothing.
    function agendaPageOf(root) {
        var none = { start: function () {}, followStars: function () {}, showFeed: function () {}, status: function () {} };
        if (!root) {
            return none;
        }

        var listed = root.dataset.items ? root.dataset.items.split(',') : [];
        // The listed items that are on the program. Keys of a link that name nothing are never added to the stars.
        var present = Array.prototype.map.call(root.querySelectorAll('.agenda-entry[data-item-key]'), function (entry) {
            return entry.dataset.itemKey;
        });
        var shared = root.querySelector('.agenda-shared');
        var tools = root.querySelector('.agenda-tools');
        var status = tools.querySelector('.feed-status');
        var message = root.querySelector('.agenda-message');
        var isOwn = false;

        function setStatus(name) {
            status.textContent = tools.dataset[name] || '';
        }

        function followStars() {
            if (!isOwn) {
                return;
            }

            var url = agendaUrl(readStars());
            window.history.replaceState(null, '', url);
            document.getElementById('agenda-share-url').value = new URL(url, window.location.href).href;
        }

        function showFeed() {
            var token = readToken();
            tools.querySelector('.feed-create').hidden = !!token;
            tools.querySelector('.feed-active').hidden = !token;
            if (token) {
                var feedUrl = new URL(base + '/' + token + '.ics', window.location.href).href;
                document.getElementById('agenda-feed-url').value = feedUrl;
                tools.querySelector('.feed-webcal').href = feedUrl.replace(/^https?:/, 'webcal:');
            }
        }

        function start() {
            var stars = readStars();
            if (listed.length === 0 && stars.length > 0 && window.location.search.indexOf('items=') < 0) {
                // "My agenda" without a list in the address opens this browser's own list.
                window.location.replace(agendaUrl(stars));
                return;
            }

            isOwn = sameItems(listed, stars);
            // A shared list whose items are all starred already offers only the way to the visitor's longer list.
            var allStarred = present.every(function (key) { return stars.indexOf(key) >= 0; });
            shared.hidden = isOwn || present.length === 0;
            shared.querySelector('.agenda-shared-new').hidden = allStarred;
            shared.querySelector('.agenda-shared-starred').hidden = !allStarred;
            root.querySelector('.agenda-add').hidden = allStarred;
            tools.hidden = !isOwn || listed.length === 0;
            root.querySelector('.agenda-own-link').href = agendaUrl(stars);
            followStars();
            showFeed();
            showMessage(readMessage());
        }

        // The region is in the page from the start, so that screen readers announce the text put into it.
        function showMessage(text) {
            if (!text) {
                return;
            }

            window.setTimeout(function () {
                message.classList.add('alert', 'alert-success');
                message.textContent = text;
            }, 50);
        }

        // The page lists only the items of its address, so the merged list opens as a new page:
        // the visitor's own agenda, with the share link and the feed.
        root.querySelector('.agenda-add').addEventListener('click', function () {
            var stars = readStars();
            var added = present.filter(function (key) { return stars.indexOf(key) < 0; });
            var merged = stars.concat(added);
            writeStars(merged);
            scheduleFeedUpdate();
            writeMessage(added.length === 1 ? script.dataset.addedOne : format(script.dataset.added, String(added.length)));
            window.location.assign(agendaUrl(merged));
        });

        root.querySelectorAll('.agenda-copy').forEach(function (button) {
            button.addEventListener('click', function () {
                var input = document.getElementById(button.dataset.copyTarget);
                input.select();
                if (navigator.clipboard && navigator.clipboard.writeText) {
                    navigator.clipboard.writeText(input.value).then(function () { setStatus('copied'); }, function () { setStatus('copyFailed'); });
                } else {
                    setStatus('copyFailed');
                }
            });
        });

        tools.querySelector('.feed-create').addEventListener('click', function () {
            var posted = readStars();
            fetch(base + '/feeds', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ items: posted })
            }).then(function (response) {
                if (!response.ok) {
                    throw new Error('HTTP ' + response.status);
                }

                return response.json();
            }).then(function (created) {
                writeToken(created.token);
                writeSent(posted);
                showFeed();
                setStatus('feedCreated');
            }).catch(function () {
                setStatus('feedFailed');
            });
        });

        tools.querySelector('.feed-stop').addEventListener('click', function () {
            var token = readToken();
            if (!token) {
                showFeed();
                return;
            }

            fetch(base + '/feeds/' + token, { method: 'DELETE' }).then(function (response) {
                if (response.ok || response.status === 404) {
                    writeToken(null);
                    showFeed();
                    setStatus('feedStopped');
                } else {
                    setStatus('feedFailed');
                }
            }, function () {
                setStatus('feedFailed');
            });
        });

        return { start: start, followStars: followStars, showFeed: showFeed, status: setStatus };
    }
}());

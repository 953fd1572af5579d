// The service worker of the public pages, registered by js/offline.js with the site's root as
// its scope. Every public page and file it handles is fetched from the network first and saved.
// When the network fails or the server returns an error, the saved copy is served instead.
// Organizer, speaker, account and API addresses and every request other than GET pass through
// untouched, and so does any response marked no-store or private (pages of a signed-in account).
"use strict";

// Raise the version when this file changes how or what it saves: activation deletes the caches of
// other versions.
const version = 1;
const cacheName = `conferenceapp-pages-v${version}`;
const cachePrefix = "conferenceapp-pages-";

// The header of a saved copy that contains the time it was saved, as an ISO 8601 instant.
const savedAtHeader = "X-Saved-At";

// First path segments (below the scope) that are never saved.
const privateSegments = new Set([
  "organize", "speaker", "identity", "account", "setup", "invitations", "api", "health", "error", "sw.js",
]);

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(cachePrefix) && name !== cacheName) {
        await caches.delete(name);
      }
    }

    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !isPublic(new URL(request.url))) {
    return;
  }

  event.respondWith(networkFirst(request));
});

// A page that loaded before the worker controlled it sends its own address and its files.
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "save" || !Array.isArray(data.urls)) {
    return;
  }

  event.waitUntil(Promise.all(data.urls
    .map((url) => new URL(url, self.location.href))
    .filter(isPublic)
    .map(async (url) => {
      try {
        const request = new Request(url.href, { credentials: "same-origin" });
        await save(request, await fetch(request));
      } catch {
        // The next visit saves it; a failed fetch here changes nothing.
      }
    })));
});

function isPublic(url) {
  if (url.origin !== self.location.origin) {
    return false;
  }

  const scopePath = new URL(self.registration.scope).pathname;
  if (!url.pathname.startsWith(scopePath)) {
    return false;
  }

  const firstSegment = url.pathname.slice(scopePath.length).split("/")[0].toLowerCase();
  return !privateSegments.has(firstSegment);
}

async function networkFirst(request) {
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const saved = await savedCopy(request);
    if (saved) {
      return saved;
    }

    throw error;
  }

  if (response.ok) {
    await save(request, response.clone());
    return response;
  }

  if (response.status >= 500) {
    return (await savedCopy(request)) ?? response;
  }

  return response;
}

async function save(request, response) {
  const cacheControl = response.headers.get("Cache-Control") ?? "";
  if (response.status !== 200 || response.type !== "basic" || response.redirected || /no-store|private/i.test(cacheControl)) {
    return;
  }

  const headers = new Headers(response.headers);
  headers.set(savedAtHeader, new Date().toISOString());
  const copy = new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: headers });
  const cache = await caches.open(cacheName);
  await cache.put(withoutFragment(request.url), copy);
}

// Returns the saved copy, with an HTML page marked on its <html> element so that offline.js can
// tell the visitor that they see a copy and when it was saved.
async function savedCopy(request) {
  const cache = await caches.open(cacheName);
  const saved = await cache.match(withoutFragment(request.url), { ignoreVary: true });
  if (!saved) {
    return undefined;
  }

  const savedAt = saved.headers.get(savedAtHeader) ?? "";
  if (!(saved.headers.get("Content-Type") ?? "").startsWith("text/html") || !/^[0-9TZ:.\-]+$/.test(savedAt)) {
    return saved;
  }

  const html = (await saved.text()).replace("<html", `<html data-offline-copy="${savedAt}"`);
  return new Response(html, { status: saved.status, statusText: saved.statusText, headers: saved.headers });
}

function withoutFragment(url) {
  const parsed = new URL(url);
  parsed.hash = "";
  return parsed.href;
}

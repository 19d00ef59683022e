// The outbox in IndexedDB: contributions made without a connection, kept in this browser until
// they are sent (docs/decisions/0046). One record per contribution, keyed by its idempotency
// key; its photos are kept as the File objects themselves (IndexedDB stores Blobs). Other tabs
// hear of every change on a BroadcastChannel.

const DB_NAME = "yhdessa-offline";
const STORE = "outbox";
const channel = "BroadcastChannel" in window ? new BroadcastChannel("yhdessa-outbox") : null;

let opened = null;

function database() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: "key" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function transaction(mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function changed() {
  channel?.postMessage("changed");
}

/** The campaign's entries, oldest first (the order they are sent in). */
export async function outboxEntries(campaign) {
  const all = await transaction("readonly", (store) => store.getAll());
  return all
    .filter((entry) => entry.campaign === campaign)
    .sort((a, b) => a.created.localeCompare(b.created));
}

export function outboxGet(key) {
  return transaction("readonly", (store) => store.get(key));
}

export async function outboxPut(entry) {
  await transaction("readwrite", (store) => store.put(entry));
  changed();
}

export async function outboxDelete(key) {
  await transaction("readwrite", (store) => store.delete(key));
  changed();
}

/** Calls listener when another tab changed the outbox. */
export function onOutboxChange(listener) {
  channel?.addEventListener("message", listener);
}

// Public API of @memberkit/tracker (web). Optional modules and the
// mini-program build are separate entry points so they cost nothing unless
// imported: ./retail, ./autocapture, ./web-vitals, ./errors, ./miniprogram.
export { createTracker, type WebTrackerOptions } from './web/createTracker.ts';
export type {
  Tracker,
  TrackerOptions,
  TrackerPlugin,
  TrackerPlatform,
  BeforeSend,
  ConsentState,
  EventProperties,
  EventContext,
  Traits,
  Identifiers,
} from './core/trackerTypes.ts';
export { createTrackerCore, type TrackerControls } from './core/createTrackerCore.ts';
export { validateEvent } from './core/validateEvent.ts';
export { uuidv7Generator } from './ids/uuidv7.ts';
export { defaultTimeoutProvider, type TimeoutProvider, type TimerHandle } from './platform/timeoutManager.ts';
export { memoryStorage, webStorage, type KeyValueStorage } from './platform/keyValueStorage.ts';
export type { QueueStore } from './queue/queueStore.ts';
export { memoryQueue } from './queue/memoryQueue.ts';
export { storageQueue, type StorageQueueCaps } from './queue/storageQueue.ts';
export { idbQueue } from './queue/idbQueue.ts';
export { fallbackQueue } from './queue/fallbackQueue.ts';
export { webLockRunner, leaseRunner, type ExclusiveRunner } from './coordination/exclusiveRunner.ts';
export { tabChannel, type TabMessage } from './coordination/tabChannel.ts';
export { classifyStatus, backoffDelay, parseRetryAfter } from './delivery/retryPolicy.ts';
export { splitBatches, MAX_BATCH_BYTES } from './delivery/splitBatches.ts';
export { utf8Length } from './delivery/utf8Length.ts';
export { browserContext, readUtm } from './web/browserContext.ts';
export { watchNavigation } from './web/spaNavigation.ts';
export { createDeliveryLoop, type DeliveryLoop, type DeliveryLoopOptions } from './delivery/deliveryLoop.ts';
export { createViewTracker, type ViewTracker, type ViewType } from './views/viewTracker.ts';
export { createIdentity, type Identity } from './identity/identity.ts';
export { spillEvents, recoverSpill } from './queue/unloadSpill.ts';

// Entry point @memberkit/tracker/miniprogram: WeChat and Alipay mini-programs (also under Taro and uni-app).
export { createMiniTracker, currentMiniTracker, type MiniTracker, type MiniTrackerOptions } from './miniprogram/createMiniTracker.ts';
export { trackPage, trackComponent } from './miniprogram/trackPage.ts';
export { miniStorage, miniRequest, type MiniApi, type MiniFlavor } from './miniprogram/miniApi.ts';
export type { Tracker, TrackerOptions, TrackerPlugin, BeforeSend, ConsentState, EventProperties } from './core/trackerTypes.ts';

import type { KeyValueStorage } from '../platform/keyValueStorage.ts';

/**
 * The slice of WeChat `wx` / Alipay `my` the tracker uses (Taro and uni-app run on the same globals).
 *
 * @example
 * ```ts
 * import { createMiniTracker } from '@memberkit/tracker/miniprogram';
 * import type { MiniApi } from '@memberkit/tracker/miniprogram';
 * declare const wx: MiniApi; // the WeChat global
 * createMiniTracker({ endpoint: 'https://shop.example/mk/collect', writeKey: 'wk', api: wx, flavor: 'wechat' });
 * ```
 */
export interface MiniApi {
  request(options: Record<string, unknown>): unknown;
  getStorageSync(key: unknown): unknown;
  setStorageSync(key: unknown, data?: unknown): unknown;
  removeStorageSync(key: unknown): unknown;
  onAppShow?(cb: (res: { scene?: number | string; query?: Record<string, string> }) => void): void;
  onAppHide?(cb: () => void): void;
  onNetworkStatusChange?(cb: (res: { isConnected: boolean }) => void): void;
  getLaunchOptionsSync?(): { scene?: number | string; query?: Record<string, string> } | undefined;
  getSystemInfoSync?(): { system?: string; model?: string; language?: string; platform?: string };
}

/**
 * A mini-program flavour: `wechat` (`wx`) or `alipay` (`my`), whose APIs differ in shape.
 *
 * @example
 * ```ts
 * import type { MiniFlavor } from '@memberkit/tracker/miniprogram';
 * const f: MiniFlavor = 'alipay';
 * ```
 */
export type MiniFlavor = 'wechat' | 'alipay';

/**
 * Storage of a mini-program as a never-throwing {@link KeyValueStorage}.
 * WeChat takes `(key, data)`; Alipay takes `({ key, data })` and answers `{ data }`.
 *
 * @example
 * ```ts
 * import { miniStorage } from '@memberkit/tracker/miniprogram';
 * import type { MiniApi } from '@memberkit/tracker/miniprogram';
 * declare const wx: MiniApi; // the WeChat global
 * miniStorage(wx, 'wechat').set('mk_aid', 'a1'); // true once stored
 * ```
 */
export function miniStorage(api: MiniApi, flavor: MiniFlavor): KeyValueStorage {
  const ali = flavor === 'alipay';
  return {
    get: (key) => {
      try {
        const v = ali ? (api.getStorageSync({ key }) as { data?: unknown } | undefined)?.data : api.getStorageSync(key);
        return typeof v === 'string' && v !== '' ? v : null;
      } catch {
        return null;
      }
    },
    set: (key, data) => {
      try {
        const r = ali ? api.setStorageSync({ key, data }) : api.setStorageSync(key, data);
        return !(r && typeof r === 'object' && 'error' in r);
      } catch {
        // storage full (WeChat caps 10 MB per mini-program): never break the page
        return false;
      }
    },
    remove: (key) => {
      try {
        api.removeStorageSync(ali ? { key } : key);
      } catch {
        // nothing to do
      }
    },
  };
}

/**
 * POSTs a body with `wx.request` / `my.request`, resolving the HTTP status
 * (0 when the request failed without one) and `Retry-After`. Alipay reports
 * HTTP errors through `fail` with a `status`, WeChat through `success`.
 *
 * @example
 * ```ts
 * import { miniRequest } from '@memberkit/tracker/miniprogram';
 * import type { MiniApi } from '@memberkit/tracker/miniprogram';
 * declare const wx: MiniApi; // the WeChat global
 * const { status } = await miniRequest(wx, 'wechat', 'https://shop.example/mk/collect', '{"batch":[]}');
 * ```
 */
export function miniRequest(api: MiniApi, flavor: MiniFlavor, url: string, body: string): Promise<{ status: number; retryAfter?: string | null }> {
  return new Promise((resolve) => {
    type Res = { statusCode?: number; status?: number; header?: Record<string, string>; headers?: Record<string, string> };
    const done = (res: Res | undefined) => {
      const h = res?.header ?? res?.headers ?? {};
      resolve({ status: res?.statusCode ?? res?.status ?? 0, retryAfter: h['Retry-After'] ?? h['retry-after'] ?? null });
    };
    try {
      api.request({
        url,
        method: 'POST',
        data: body,
        [flavor === 'alipay' ? 'headers' : 'header']: { 'content-type': 'application/json' },
        dataType: 'text',
        success: done,
        fail: done,
      });
    } catch {
      resolve({ status: 0 });
    }
  });
}

import type { MemberkitErrorCode } from '../errorCodes.ts';

type Details = Readonly<Record<string, unknown>>;

/**
 * Simplified-Chinese messages shown to members and operators, keyed by error
 * code; used by {@link localizeError}.
 *
 * @example
 * ```ts
 * import { zhCN } from '@memberkit/core';
 * zhCN.coupon_expired({});
 * //=> '优惠券已过期'
 * ```
 */
export const zhCN: Record<MemberkitErrorCode, (d: Details, field?: string) => string> = {
  invalid_input: (_d, f) => (f ? `输入有误：${f}` : '输入有误'),
  invalid_event: (_d, f) => (f ? `事件数据有误：${f}` : '事件数据有误'),
  invalid_config: (_d, f) => (f ? `配置有误：${f}` : '配置有误'),
  invalid_identifier: (_d, f) => (f ? `标识无效：${f}` : '标识无效'),
  invalid_phone: () => '手机号格式不正确',
  invalid_email: () => '邮箱格式不正确',
  invalid_money: (_d, f) => (f ? `金额无效：${f}` : '金额无效'),
  currency_mismatch: () => '币种不一致',
  not_found: () => '记录不存在',
  duplicate_request: () => '重复的请求',
  idempotency_conflict: () => '同一幂等键的请求参数不一致',
  conflict: () => '数据冲突，请重试',
  merge_conflict: () => '客户合并冲突',
  merge_not_found: () => '找不到这次合并记录',
  profile_erased: () => '该客户资料已按要求删除',
  insufficient_points: (d) => `积分不足${typeof d['balance'] === 'number' ? `（可用 ${d['balance']}）` : ''}`,
  points_policy_violation: () => '积分规则不允许此操作',
  order_not_found: () => '订单不存在',
  refund_exceeds_order: () => '退款超出订单金额',
  untrusted_source: () => '积分只能由商家后台订单发放',
  tier_not_found: () => '会员等级不存在',
  coupon_not_found: () => '优惠券不存在',
  coupon_expired: () => '优惠券已过期',
  coupon_not_started: () => '优惠券尚未生效',
  coupon_used: () => '优惠券已使用',
  coupon_locked: () => '优惠券正在其他订单中使用',
  coupon_void: () => '优惠券已作废',
  coupon_limit_reached: () => '已达到领取上限',
  coupon_not_applicable: () => '订单中没有适用此券的商品',
  coupon_not_stackable: () => '此券不可与其他优惠券叠加',
  min_spend_not_met: (d) => (typeof d['minSpend'] === 'number' ? `未满足使用门槛（满 ${(d['minSpend'] as number) / 100} 元可用）` : '未满足使用门槛'),
  not_converged: () => '模型拟合未收敛',
  insufficient_data: () => '数据不足，无法计算',
  invalid_csv: (d) => (typeof d['line'] === 'number' ? `CSV 第 ${d['line']} 行有误` : 'CSV 格式有误'),
};

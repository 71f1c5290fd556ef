/**
 * Languages the report is written in.
 *
 * @example
 * ```ts
 * import type { ReportLang } from '@memberkit/cli';
 * const lang: ReportLang = 'zh-CN';
 * ```
 */
export type ReportLang = 'en' | 'zh-CN';

const en = {
  htmlLang: 'en',
  title: 'Customer report',
  generated: 'Generated',
  period: 'Orders from',
  to: 'to',
  source: 'Source',
  kpiCustomers: 'Customers',
  kpiOrders: 'Orders',
  kpiRevenue: 'Revenue',
  kpiAov: 'Average order value',
  kpiRepurchase: 'Repurchase rate',
  kpiUpt: 'Items per order',
  kpiRepurchaseHint: 'customers with 2+ orders',
  rfmTitle: 'RFM segments',
  rfmWhat: 'Each customer is scored 1–5 on how recently (R) and how often (F) they bought. Top right are your best customers; top left are frequent buyers who have gone quiet — win them back before they churn.',
  rfmAxisR: 'Recency score (5 = bought most recently)',
  rfmAxisF: 'Frequency score (5 = buys most often)',
  segment: 'Segment',
  customers: 'Customers',
  share: 'Share',
  revenue: 'Revenue',
  meanRecency: 'Avg. days since last order',
  meanFrequency: 'Avg. orders',
  cohortTitle: 'Cohort retention',
  cohortWhat: 'Customers grouped by the month of their first order; each cell is the share who bought again k months later. Darker is better. Compare rows to see whether newer customers stick better than older ones.',
  cohortAxisMonth: 'Months after first order',
  cohortAxisCohort: 'First-order month',
  cohortSize: 'New customers',
  trackingTitle: 'Will customers come back? Model check',
  trackingWhat: 'A BG/NBD model learns each customer’s buying rate and chance of dropping out from the calibration period, then predicts repeat purchases after it. When the dashed line follows the solid one in the holdout period, you can trust its P(alive) and CLV figures below.',
  trackingActual: 'Actual repeat purchases',
  trackingPredicted: 'Predicted by BG/NBD',
  trackingAxisX: 'Week',
  trackingAxisY: 'Cumulative repeat purchases',
  trackingCalibration: 'end of calibration',
  pAliveTitle: 'Probability a customer is still active',
  pAliveWhat: 'P(alive) is the model’s estimate that a customer has not silently left. Customers at the low end are probably gone; those in the middle are the ones a win-back offer can still reach. The model only lets a customer drop out after a repeat purchase, so one-time buyers (grey) all score high: judge them by how long ago they bought.',
  pAliveAxisX: 'P(alive)',
  repeatBuyers: 'Repeat buyers',
  oneTimeBuyers: 'One-time buyers',
  clvTitle: 'Predicted customer lifetime value',
  clvWhat: 'Expected value of each customer over the horizon: purchases the model expects (BG/NBD) times the spend it expects per purchase (Gamma-Gamma), discounted and multiplied by your margin. Spend retention budgets where the value is.',
  clvAxisX: 'Predicted CLV',
  clvTotal: 'Total predicted value',
  clvMean: 'Mean per customer',
  clvMedian: 'Median',
  clvTop: 'Most valuable customers',
  customerId: 'Customer',
  pAlive: 'P(alive)',
  orders: 'Orders',
  clv: 'CLV',
  rulesTitle: 'Bought together',
  rulesWhat: 'Basket rules: customers who bought the items on the left also bought the item on the right. Confidence is how often that happened; lift above 1 means more often than chance. Use them for cross-sell in checkout and messages.',
  ruleIf: 'Customers who bought',
  ruleThen: 'also bought',
  support: 'Support',
  confidence: 'Confidence',
  lift: 'Lift',
  count: 'Baskets',
  badTitle: 'Rows not used',
  badWhat: 'These rows could not be read and were left out of every figure above. Fix them in the file and run the report again.',
  badNone: 'Every row was read.',
  badMore: 'more not shown',
  line: 'Line',
  column: 'Column',
  value: 'Value',
  reason: 'Reason',
  unavailable: 'Not available',
  histogramCustomers: 'Customers',
  columnsUsed: 'Columns used',
  rowsRead: 'rows read',
  params: 'Fitted parameters',
  horizon: 'weeks ahead',
  margin: 'margin',
  discount: 'yearly discount rate',
  footer: 'Made with memberkit. Figures are computed locally from your file; this page makes no network requests.',
} as const;

type Labels = { readonly [K in keyof typeof en]: string };

const zhCN: Labels = {
  htmlLang: 'zh-CN',
  title: '客户分析报告',
  generated: '生成时间',
  period: '订单时间',
  to: '至',
  source: '数据来源',
  kpiCustomers: '客户数',
  kpiOrders: '订单数',
  kpiRevenue: '销售额',
  kpiAov: '客单价',
  kpiRepurchase: '复购率',
  kpiUpt: '连带率',
  kpiRepurchaseHint: '下单 2 次及以上的客户占比',
  rfmTitle: 'RFM 客户分群',
  rfmWhat: '按最近一次购买（R）和购买频次（F）给每位客户打 1–5 分。右上角是最有价值的客户；左上角是曾经常买、最近却沉默的客户，趁他们流失前召回。',
  rfmAxisR: '最近购买得分（5 = 最近刚买）',
  rfmAxisF: '购买频次得分（5 = 买得最多）',
  segment: '分群',
  customers: '客户数',
  share: '占比',
  revenue: '销售额',
  meanRecency: '平均距上次购买天数',
  meanFrequency: '平均订单数',
  cohortTitle: '同期群留存',
  cohortWhat: '按首单月份分组，每格是该组客户在首单后第 k 个月再次购买的比例，颜色越深越好。上下对比各行，看新客户是否比老客户留得更好。',
  cohortAxisMonth: '首单后第几个月',
  cohortAxisCohort: '首单月份',
  cohortSize: '新客户数',
  trackingTitle: '客户还会回来吗？模型检验',
  trackingWhat: 'BG/NBD 模型从校准期学习每位客户的购买频率和流失概率，再预测之后的复购。在验证期内虚线若紧贴实线，下面的存活概率和 CLV 就值得信赖。',
  trackingActual: '实际累计复购',
  trackingPredicted: 'BG/NBD 预测',
  trackingAxisX: '周',
  trackingAxisY: '累计复购次数',
  trackingCalibration: '校准期结束',
  pAliveTitle: '客户存活概率',
  pAliveWhat: 'P(alive) 是模型估计的客户仍然活跃（没有悄悄流失）的概率。左端的客户很可能已经流失；中间的客户最值得用回归礼包召回。模型只在复购之后才判断流失，所以仅购买一次的客户（灰色）得分都很高，请结合其上次购买距今的时间来判断。',
  pAliveAxisX: 'P(alive) 存活概率',
  repeatBuyers: '复购客户',
  oneTimeBuyers: '仅购买一次的客户',
  clvTitle: '预测客户终身价值（CLV）',
  clvWhat: '每位客户在预测期内的预期价值：模型预计的购买次数（BG/NBD）乘以每次预计消费（Gamma-Gamma），折现后再乘以毛利率。把维护预算花在价值所在的地方。',
  clvAxisX: '预测 CLV',
  clvTotal: '预测总价值',
  clvMean: '人均',
  clvMedian: '中位数',
  clvTop: '最有价值的客户',
  customerId: '客户',
  pAlive: '存活概率',
  orders: '订单数',
  clv: 'CLV',
  rulesTitle: '购物篮关联',
  rulesWhat: '关联规则：买了左边商品的客户也买了右边的商品。置信度是这种情况发生的比例；提升度大于 1 表示比随机更常见。可用于结算页、会员中心和消息里的交叉销售。',
  ruleIf: '买了',
  ruleThen: '也买了',
  support: '支持度',
  confidence: '置信度',
  lift: '提升度',
  count: '购物篮数',
  badTitle: '未使用的行',
  badWhat: '以下行无法读取，未计入上面的任何数字。请在文件中修正后重新生成报告。',
  badNone: '所有行均已读取。',
  badMore: '行未显示',
  line: '行号',
  column: '列',
  value: '值',
  reason: '原因',
  unavailable: '暂无',
  histogramCustomers: '客户数',
  columnsUsed: '使用的列',
  rowsRead: '行已读取',
  params: '拟合参数',
  horizon: '周预测期',
  margin: '毛利率',
  discount: '年折现率',
  footer: '由 memberkit 生成。所有数字均在本地根据您的文件计算，本页面不发出任何网络请求。',
};

/**
 * The report's fixed texts in one language.
 *
 * @example
 * ```ts
 * import { reportLabels } from './reportLabels.ts';
 * reportLabels('zh-CN').kpiAov;
 * //=> '客单价'
 * ```
 */
export function reportLabels(lang: ReportLang): Labels {
  return lang === 'zh-CN' ? zhCN : en;
}

export type { Labels as ReportLabels };

// The common 11-segment RFM table and R's rfm package names, as merchants in China call them.
const SEGMENTS_ZH: Record<string, string> = {
  champions: '冠军客户',
  'loyal customers': '忠诚客户',
  loyal: '忠诚客户',
  'potential loyalist': '潜在忠诚客户',
  'potential loyalists': '潜在忠诚客户',
  new: '新客户',
  'new customers': '新客户',
  'recent customers': '新客户',
  promising: '有潜力客户',
  'need attention': '需要关注',
  'customers needing attention': '需要关注',
  'about to sleep': '即将沉睡',
  'at risk': '流失风险',
  "can't lose them": '不能失去的客户',
  "can't lose": '不能失去的客户',
  hibernating: '沉睡客户',
  lost: '已流失',
  others: '其他',
};

/**
 * A segment's display name: Chinese for the well-known RFM segment names
 * when the report is in Chinese, otherwise the name as given.
 *
 * @example
 * ```ts
 * import { segmentLabel } from './reportLabels.ts';
 * segmentLabel('At Risk', 'zh-CN');
 * //=> '流失风险'
 * ```
 */
export function segmentLabel(name: string, lang: ReportLang): string {
  if (lang !== 'zh-CN') return name;
  return SEGMENTS_ZH[name.trim().toLowerCase().replace(/’/g, "'")] ?? name;
}

/**
 * Chinese reasons for bad rows, keyed by {@link BadRowKind}; English uses the row's own message.
 *
 * @example
 * ```ts
 * import { BAD_ROW_REASONS_ZH } from './reportLabels.ts';
 * BAD_ROW_REASONS_ZH.invalid_date;
 * //=> '日期无效'
 * ```
 */
export const BAD_ROW_REASONS_ZH: Record<string, string> = {
  malformed: 'CSV 格式错误（引号或分隔符）',
  column_count: '列数与表头不一致',
  missing_value: '缺少必填值',
  invalid_date: '日期无效',
  invalid_amount: '金额不是数字',
  negative_amount: '金额为负（退款请与订单合并后再导入）',
  order_customer_conflict: '同一订单号属于不同客户',
};

// Money is written one way on every screen: ¥1,234.50 (yuan, thousands
// separated, two decimals), the same in Chinese and English.
const yuan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatYuan(amount: number): string {
  const text = yuan.format(Math.abs(amount));
  return amount < 0 && text !== '0.00' ? `-¥${text}` : `¥${text}`;
}

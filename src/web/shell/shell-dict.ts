// The app shell: menu, header and account.
// Chinese first; the English must have the same keys and shapes (`satisfies`).
export const shellZh = {
  shell: {
    menu: {
      dashboard: '概览',
      retailers: '零售户档案',
      import: '批量导入',
      audit: '审计日志',
      'my-file': '我的档案',
      'my-rating': '我的星级',
      ratings: '星级评定',
      map: '网格地图',
      field: '今日拜访',
      'visit-progress': '拜访进度',
      orders: '订单与退货',
      emergency: '应急补货',
      supply: '货源投放',
      'take-orders': '电话订货',
      'my-order': '我要订货',
      settlement: '电子结算',
      'ordering-stats': '缺货率与动销率',
    },
    logout: '退出登录',
    openMenu: '菜单',
    forbidden: '您没有权限访问此页面',
    pageNotFound: '页面不存在',
  },
};

export const shellEn = {
  shell: {
    menu: {
      dashboard: 'Overview',
      retailers: 'Retailers',
      import: 'Import',
      audit: 'Audit log',
      'my-file': 'My file',
      'my-rating': 'My rating',
      ratings: 'Ratings',
      map: 'Grid map',
      field: "Today's visits",
      'visit-progress': 'Visit progress',
      orders: 'Orders and returns',
      emergency: 'Emergency supply',
      supply: 'Supply allocation',
      'take-orders': 'Phone orders',
      'my-order': 'My order',
      settlement: 'E-settlement',
      'ordering-stats': 'Stock-outs',
    },
    logout: 'Log out',
    openMenu: 'Menu',
    forbidden: 'You may not open this page',
    pageNotFound: 'Page not found',
  },
} satisfies typeof shellZh;

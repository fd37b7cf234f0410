// A retailer's own file.
// Chinese first; the English must have the same keys and shapes (`satisfies`).
export const myFileZh = {
  myFile: { title: '我的档案', noRetailer: '您的账号尚未关联零售户档案，请联系客户经理' },
};

export const myFileEn = {
  myFile: { title: 'My file', noRetailer: 'Your account is not linked to a retailer file yet; ask your client manager' },
} satisfies typeof myFileZh;

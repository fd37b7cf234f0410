// Stable error codes with a Chinese message (shown first) and an English one.
// Zod schemas use these codes as their issue messages; the server and the
// import report turn them into text a person can act on.
export const messages = {
  required: { zh: '必填项不能为空', en: 'This field is required' },
  invalid_value: { zh: '取值无效', en: 'Invalid value' },
  licence_format: { zh: '许可证号应为 12 位数字', en: 'Licence number must be 12 digits' },
  licence_area: { zh: '许可证号前 6 位应为本县行政区划代码', en: "Licence number must start with the county's 6-digit area code" },
  phone_format: {
    zh: '电话应为 11 位手机号或带区号的固定电话（如 0731-23456789）',
    en: 'Phone must be an 11-digit mobile number or a landline with area code (e.g. 0731-23456789)',
  },
  id_number_format: { zh: '身份证号应为 18 位（末位可为 X）', en: 'ID number must be 18 characters (last may be X)' },
  customer_code_format: { zh: '客户编码应为 6–16 位数字', en: 'Customer code must be 6–16 digits' },
  lat_range: { zh: '纬度超出范围', en: 'Latitude out of range' },
  lng_range: { zh: '经度超出范围', en: 'Longitude out of range' },
  outside_county: { zh: '坐标不在本县范围内', en: 'The position is outside the county' },
  weekday_range: { zh: '订货日应为周一至周日（1–7）', en: 'Order day must be 1 (Mon) to 7 (Sun)' },
  date_format: { zh: '日期格式应为 YYYY-MM-DD', en: 'Date must be YYYY-MM-DD' },
  unknown_grid: { zh: '网格不存在或不在您的管辖范围', en: 'Unknown grid, or outside your scope' },
  duplicate_code: { zh: '客户编码已存在', en: 'Customer code already exists' },
  duplicate_licence: { zh: '许可证号已被其他零售户使用', en: 'Licence number already used by another retailer' },
  duplicate_in_file: { zh: '与文件中另一行重复', en: 'Duplicates another row of the file' },
  text_too_long: { zh: '内容过长', en: 'Text too long' },
  correction_too_late: { zh: '该订单已超过退货/更正期限，不能再申请', en: 'This order is past the period for returns and corrections' },
  scheme_whole_number: { zh: '请填写整数', en: 'Enter a whole number' },
  scheme_window_range: { zh: '评定周期为 1 到 6 个月', en: 'The rating window is 1 to 6 months' },
  scheme_cap_range: { zh: '每月档位变动上限为 1 到 99 档', en: 'The monthly tier move limit is 1 to 99 tiers' },
  scheme_version_format: { zh: '方案版本号只能由字母、数字、汉字和 . _ - 组成，最长 40 个字符', en: 'A scheme version may hold only letters, digits, Chinese characters and . _ -, up to 40 characters' },
  id_range: { zh: '编号无效', en: 'Invalid id' },
  text_invalid_chars: { zh: '内容含有无法保存的字符', en: 'The text contains characters that cannot be stored' },
  // Request-level errors
  validation_failed: { zh: '提交的数据有误，请按提示修改', en: 'Some fields are invalid; please correct them' },
  unauthenticated: { zh: '请先登录', en: 'Please log in' },
  bad_credentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  forbidden: { zh: '您没有权限进行此操作', en: 'You are not allowed to do this' },
  not_found: { zh: '记录不存在或不在您的管辖范围', en: 'Not found, or outside your scope' },
  version_conflict: {
    zh: '该记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload and try again',
  },
  nothing_changed: { zh: '没有修改任何内容', en: 'Nothing was changed' },
  import_rejected: {
    zh: '文件中有错误行，整个文件未导入，请按报告修改后重新上传',
    en: 'The file has bad rows; nothing was imported. Fix the rows in the report and upload again',
  },
  import_bad_file: {
    zh: '无法读取文件，请上传 .xlsx 或 .csv 文件',
    en: 'Cannot read the file; upload an .xlsx or .csv file',
  },
  import_missing_columns: { zh: '文件缺少必需的列', en: 'The file lacks required columns' },
  import_empty: { zh: '文件中没有数据行', en: 'The file has no data rows' },
  internal: { zh: '系统内部错误，请稍后重试', en: 'Internal error; please try again later' },
  // Import and export of retailer files
  number_format: { zh: '应为数字', en: 'Must be a number' },
  yes_no_format: { zh: '应填写“是”或“否”', en: 'Must be 是 (yes) or 否 (no)' },
  masked_value: {
    zh: '这是脱敏后的内容（含 *），不能写入；请填写完整内容，已有零售户也可保留导出时的原样',
    en: 'This is a masked value (contains *) and cannot be saved; enter the full value, or keep the exported value for an existing retailer',
  },
  import_csv_encoding: {
    zh: '无法识别 CSV 文件的编码（应为 UTF-8 或 GBK/GB18030）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”，或直接上传 .xlsx 文件',
    en: 'The encoding of the CSV file is not recognised (it must be UTF-8 or GBK/GB18030); save it from Excel as "CSV UTF-8 (Comma delimited)" or "CSV (Comma delimited)", or upload the .xlsx file',
  },
  import_too_many_rows: { zh: '文件行数过多，请分批导入', en: 'The file has too many rows; import it in parts' },
  // Ratings (issue 5)
  rating_month_published: { zh: '该月评定已发布，结果已冻结，不能重算或再次发布', en: 'This month is published and frozen; it cannot be recomputed or published again' },
  rating_run_busy: { zh: '该月正在计算中，请等待完成', en: 'This month is being computed; wait for it to finish' },
  rating_run_not_draft: { zh: '只有计算完成的草稿可以发布', en: 'Only a finished draft can be published' },
  rating_scheme_invalid: { zh: '评定方案有误，未保存：请按下列提示修改', en: 'The rating scheme is invalid and was not saved; fix the items listed' },
  rating_scheme_version_exists: { zh: '该方案版本号已存在，请换一个版本号', en: 'This scheme version already exists; choose another version' },
  rating_not_rated: { zh: '该零售户本月尚无已发布的评定结果', en: 'No published rating for this retailer and month yet' },
  rating_manual_tier_rejected: { zh: '档位调整未通过：请填写原因并选择不同的有效档位', en: 'Tier change refused: give a reason and a different valid tier' },
  rating_month_incomplete: { zh: '只能评定已结束的月份', en: 'Only a finished month can be rated' },
  month_format: { zh: '月份格式应为 YYYY-MM', en: 'Month must be YYYY-MM' },
  representative_cap_reached: { zh: '客户代表已达上限（按比例），请先复核退出部分代表或调整比例', en: 'The representative cap is reached; review some out or change the cap' },
  representative_exists: { zh: '该零售户已被邀请或已是客户代表', en: 'This retailer is already invited or a representative' },
  representative_not_eligible: { zh: '该零售户不符合条件（诚信等级 W 或星级低于 3 星）', en: 'Not eligible (compliance class W or under three stars)' },
  representative_wrong_state: { zh: '当前状态下不能进行此操作', en: 'Not possible in the current state' },
  representative_cap_invalid: { zh: '客户代表比例应大于 0 且不超过 20%', en: 'The representative cap must be above 0 and at most 20%' },
  reason_required: { zh: '请填写原因（至少 4 个字）', en: 'Give a reason (at least 4 characters)' },
  rating_freeze_exists: { zh: '该零售户该月已冻结评分', en: 'Scoring is already frozen for this retailer and month' },
  // Grids and the map (issue 4)
  grid_not_empty: {
    zh: '网格内还有零售户，不能删除：请先把这些零售户移到其他网格',
    en: 'The grid still has retailers and cannot be deleted; move them to another grid first',
  },
  grid_worker_required: { zh: '每个网格必须指定一名负责的网格员（一网一员）', en: 'Every grid needs one responsible grid worker' },
  unknown_worker: { zh: '网格员不存在、已停用或不在您的管辖范围', en: 'Unknown or inactive grid worker, or outside your scope' },
  unknown_station: { zh: '服务站不存在或不在您的管辖范围', en: 'Unknown service station, or outside your scope' },
  duplicate_grid_code: { zh: '网格编码已存在', en: 'Grid code already exists' },
  grid_same: { zh: '目标网格与原网格相同', en: 'The target grid is the same grid' },
  grid_other_station: { zh: '只能与同一服务站的网格合并', en: 'Grids can only be merged within one service station' },
  polygon_invalid: { zh: '所画区域至少需要 3 个不同的顶点', en: 'The drawn area needs at least 3 distinct corners' },
  polygon_self_intersecting: { zh: '所画区域的边相互交叉，请重新绘制', en: 'The edges of the drawn area cross each other; draw it again' },
  nothing_selected: { zh: '没有选中任何零售户', en: 'No retailer is selected' },
  split_too_small: { zh: '网格内零售户少于 2 户，无法拆分', en: 'A grid needs at least 2 retailers to be split' },
  split_all: { zh: '不能把全部零售户都拆到新网格，请至少留下一户', en: 'Leave at least one retailer in the grid being split' },
  proposal_stale: { zh: '网格或零售户已有变化，该方案已过期，请重新生成', en: 'Grids or retailers changed since this proposal was made; make a new one' },
  proposal_applied: { zh: '该方案已应用过', en: 'This proposal has already been applied' },
  // Visits (issue 7)
  position_required: { zh: '未获取到定位，请打开手机定位后重新签到', en: 'No position: turn on location on the phone and check in again' },
  check_in_too_far: { zh: '签到位置距离门店超过允许范围，请填写原因', en: 'The check-in is too far from the shop; give a reason' },
  check_in_time_range: { zh: '签到时间不合理（晚于当前时间或早于 14 天前）', en: 'The check-in time is in the future or more than 14 days old' },
  visit_id_conflict: { zh: '该拜访编号已被另一条拜访使用', en: 'This visit id is already used by another visit' },
  score_range: { zh: '评分应为 1–5 分', en: 'The score must be 1 to 5' },
  photo_too_large: { zh: '照片过大，请压缩后再上传', en: 'The photo is too large; compress it first' },
  // Ordering (issue 6)
  unknown_product: { zh: '商品不存在或已停供', en: 'Unknown or discontinued product' },
  over_limit: { zh: '订购量超过可用量（限量）', en: 'The quantity ordered is above the limit available' },
  outside_window: { zh: '现在不在该零售户的订货时间内', en: "It is outside this retailer's order window" },
  quantity_whole: { zh: '数量应为不小于 0 的整条数', en: 'Quantities must be whole cartons, 0 or more' },
  demand_below_order: { zh: '需求量不能小于订购量', en: 'Demand cannot be less than the quantity ordered' },
  duplicate_product: { zh: '同一商品只能填写一行', en: 'Each product may appear on one line only' },
  order_exists: { zh: '该零售户本周已有订单，请修改原订单', en: 'This retailer already has an order this week; amend it instead' },
  idempotency_mismatch: { zh: '同一请求编号已用于另一份不同的订单', en: 'This request key was already used for a different order' },
  plan_published: { zh: '货源计划已发布，不能再修改', en: 'The supply plan is published and can no longer change' },
  plan_not_allocated: { zh: '请先运行投放测算再发布', en: 'Run the allocation before publishing' },
  plan_week_exists: { zh: '该周已有货源计划', en: 'There is already a supply plan for that week' },
  settlement_not_failed: { zh: '只有扣款失败的订单才能重试扣款', en: 'Only an order whose deduction failed can be retried' },
  correction_decided: { zh: '该退货/更正已处理', en: 'This return or correction has already been decided' },
  correction_too_many: { zh: '退货/更正数量超过该行订购量', en: 'More cartons than the line ordered' },
  request_decided: { zh: '该申请已处理', en: 'This request has already been decided' },
  decline_reason_required: { zh: '不同意时请填写原因', en: 'Give a reason when declining' },
  order_amendable: { zh: '该订单仍在订货时间内，请直接修改订单', en: 'The order window is still open; amend the order instead' },
  replacement_same_product: { zh: '更正后的品规不能与原品规相同', en: 'The replacement must be a different product' },
  emergency_over_requested: { zh: '批准数量不能超过申请数量', en: 'Cannot grant more cartons than were asked for' },
  product_code_unknown: { zh: '商品编码不存在或已停供', en: 'Unknown or discontinued product code' },
  customer_code_unknown: { zh: '客户编码不存在', en: 'Unknown customer code' },
  compliance_score_range: { zh: '评分应为 0–100 的整数', en: 'The score must be a whole number from 0 to 100' },
  penalties_range: { zh: '处罚次数应为不小于 0 的整数', en: 'Penalties must be a whole number, 0 or more' },
  supply_whole: { zh: '可供量应为不小于 0 的整条数', en: 'Supply must be whole cartons, 0 or more' },
  // Hardening (issue 13): refusals a browser or a client may meet before a route runs
  cross_site_request: {
    zh: '请求不是从本系统页面发出的，已拒绝；请在本系统中操作',
    en: "The request did not come from this application's own pages and was refused",
  },
  unsupported_media_type: { zh: '不支持的提交格式：应为 JSON，上传文件处为文件', en: 'Unsupported content type: send JSON, or a file where a file is expected' },
  body_too_large: { zh: '提交的内容过大', en: 'The request body is too large' },
  file_too_large: { zh: '上传的文件过大', en: 'The uploaded file is too large' },
  bad_json: { zh: '提交的数据不是有效的 JSON', en: 'The request body is not valid JSON' },
  empty_body: { zh: '请求内容为空', en: 'The request body is empty' },
  bad_url: { zh: '网址格式有误', en: 'The URL is malformed' },
  bad_request: { zh: '请求格式有误', en: 'The request is malformed' },
  too_many_attempts: { zh: '登录失败次数过多，请稍后再试', en: 'Too many failed logins; try again later' },
  import_too_large: {
    zh: '文件解压后过大或内含文件过多，请分批导入',
    en: 'The file is too large once unpacked, or holds too many parts; import it in parts',
  },
  // Heavy computations (worker threads with a time budget, decision 0810)
  computation_budget_exceeded: {
    zh: '计算量过大，未能在限定时间内完成，请缩小范围或调小参数后重试',
    en: 'The computation did not finish within its time limit; narrow the scope or use smaller parameters and try again',
  },
  computation_busy: { zh: '您的同类计算仍在进行中，请等待其完成', en: 'Your previous computation of this kind is still running; wait for it to finish' },
  computation_failed: { zh: '计算未能完成，请稍后重试', en: 'The computation could not be completed; please try again later' },
  grids_above_retailers: { zh: '网格数不能多于零售户数', en: 'There cannot be more grids than retailers' },
} as const;

export type MessageCode = keyof typeof messages;

export function isMessageCode(s: string): s is MessageCode {
  return s in messages;
}

export function messageText(code: string, lang: 'zh' | 'en' = 'zh'): string {
  return isMessageCode(code) ? messages[code][lang] : code;
}

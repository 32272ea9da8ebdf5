"""The words of the error catalogue: what each kind, reason, field and error code reads
as, in Chinese and English (`inventory_app.messages` builds the sentences)."""

from __future__ import annotations

KINDS = {
    "item": ("物资", "item"),
    "depot": ("仓库", "depot"),
    "lot": ("批次", "lot"),
    "location": ("库位", "storage location"),
    "movement": ("流水", "movement"),
    "document": ("单据", "document"),
    "organisation": ("单位", "organisation"),
    "region": ("行政区划", "region"),
    "category": ("类别", "category"),
    "user": ("用户", "user"),
    "sign_in_lock": ("登录锁定", "sign-in lock"),
    "norm_set": ("定额", "norm set"),
    "reserve_target": ("储备目标", "reserve target"),
    "rotation_window": ("轮换窗口", "rotation window"),
}

REASONS = {
    "not_a_number": ("不是有效数字", "is not a number"),
    "too_many_decimals": (
        "小数位数超过该物资允许的 {allowed_decimals} 位",
        "has more decimals than the item allows ({allowed_decimals})",
    ),
    "zero": ("不能为零", "must not be zero"),
    "negative": ("不能为负数", "must not be negative"),
    "too_large": ("数值过大", "is too large"),
    "required": ("不能为空", "is required"),
    "too_long": ("过长", "is too long"),
    "length": ("长度不符合要求", "has an invalid length"),
    "range": ("超出允许范围", "is out of range"),
    "seven_digits": ("应为 7 位数字", "must be 7 digits"),
    "positive": ("必须大于零", "must be positive"),
    "either_months_or_days": (
        "只能按年、按月或按天中的一种填写",
        "is given in years, months or days, not several",
    ),
    "not_physical": (
        "协议储备和产能储备不是实物库存，不能入库",
        "agreement and capacity reserves are not physical stock",
    ),
    "too_short": ("太短（至少 8 个字符）", "is too short (at least 8 characters)"),
    "blank": ("不能全是空格", "must not be only spaces"),
    "same_as_username": ("不能与用户名相同", "must not be the user name"),
    "too_common": ("过于常见，容易被猜中", "is too common and easily guessed"),
    "movement_or_document": ("请指定一条流水或一张单据", "name one movement or one document"),
    "missing": ("文件不存在", "the file does not exist"),
    "not_an_anchor": (
        "不是校验锚点文件或备份（应为 verify --heads-out 写出的文件或数据库备份）",
        "is neither an anchor file (from verify --heads-out) nor a backup",
    ),
    "not_a_database": ("不是数据库文件", "is not a database file"),
    "verify_failed": ("数据校验未通过", "failed the consistency check"),
    "checksum_mismatch": (
        "与备份时记录的校验和（SHA-256）不符，文件已被改动或损坏",
        "does not match the checksum (SHA-256) recorded when it was made: it was altered or damaged",
    ),
    "no_checksum": (
        "旁边没有校验文件（.json），无法确认未被改动；确认来源可靠时可用 restore --without-checksum",
        "has no checksum file (.json) beside it, so it cannot be shown unaltered; if you trust "
        "its source, use restore --without-checksum",
    ),
    "integrity_failed": ("已损坏（数据库完整性检查未通过）", "is damaged (integrity check failed)"),
    "unreadable": ("无法读取", "cannot be read"),
    "database_too_new": ("由更新版本的程序创建", "was written by a newer version"),
    "too_big": ("文件过大", "is too large"),
    "too_many_rows": ("行数过多", "has too many rows"),
    "not_a_workbook": ("不是有效的 Excel 工作簿", "is not a valid Excel workbook"),
    "not_a_tent": ("不是帐篷类物资（没有每顶容纳人数）", "is not a tent (no persons per unit)"),
    "not_emergency": ("不是紧急调拨", "is not an emergency order"),
    "format": ("格式不对", "is malformed"),
    "not_valid": ("不在有效期内或物资不符", "is not valid for this item and date"),
    "nothing_to_settle": ("没有待结算的供货", "has no unsettled deliveries"),
    "not_a_request": ("不是调拨申请", "is not a request"),
    "exists": ("已存在", "already exists"),
    "ambiguous": (
        "对应多个批次，请用批次号（--lot）指定",
        "names several lots; give the lot id (--lot)",
    ),
    "more_than_ordered": ("超过了调拨数量", "is more than was ordered"),
    "not_an_agreement_line": ("不是协议储备行", "is not an agreement line"),
    "unknown_field": ("含有未知的字段", "has unknown fields"),
    "not_shipped": ("没有已出库的物资", "has nothing shipped"),
    "more_than_shipped": ("超过了已出库数量", "is more than was shipped"),
    "one_shelter": ("只能有一种帐篷（每顶容纳人数）", "may name only one tent (persons per unit)"),
    "no_shelter": ("按顶计的定额需要一种帐篷", "needs a tent for its per-tent norms"),
    "not_in_plan": ("不在该计划中", "is not in the plan"),
    "no_depot": ("没有可用于编号的仓库", "has no depot to number the plan at"),
    "more_than_planned": ("超过了计划该年度的数量", "is more than the plan holds for the year"),
    "more_than_contract": ("超过了合同金额", "is more than the contract amount"),
    "grade_mismatch": ("与轮出的等级不同", "differs from the grade rotated out"),
}

FIELDS = {
    "quantity": ("数量", "quantity"),
    "requesting_unit": ("申请单位", "requesting unit"),
    "receiving_unit": ("接收单位", "receiving unit"),
    "persons": ("安置人数", "persons"),
    "oral_approver": ("口头批准人", "oral approver"),
    "signed_by": ("签收人", "signed by"),
    "line": ("明细行", "line"),
    "by": ("统计方式", "grouping"),
    "depot": ("仓库", "depot"),
    "form": ("纸张", "paper form"),
    "item": ("物资", "item"),
    "owner": ("所有权单位", "owner"),
    "port": ("端口", "port"),
    "response_hours": ("响应时限（小时）", "response hours"),
    "step": ("演练步骤", "drill step"),
    "batch": ("批号", "batch"),
    "date_to": ("截止日期", "end date"),
    "valid_to": ("有效期至", "valid until"),
    "request": ("调拨申请", "request"),
    "condition": ("回收状况", "condition"),
    "agreement": ("协议储备", "agreement"),
    "invoice": ("发票号", "invoice number"),
    "enterprise": ("协议企业", "enterprise"),
    "doc_date": ("单据日期", "document date"),
    "production_date": ("生产日期", "production date"),
    "expiry_date": ("有效期至", "expiry date"),
    "request_id": ("请求编号", "request id"),
    "reserve_mode": ("储备方式", "reserve mode"),
    "password": ("密码", "password"),
    "username": ("用户名", "user name"),
    "code": ("编码", "code"),
    "name": ("名称", "name"),
    "level": ("级别", "level"),
    "unit": ("计量单位", "unit"),
    "category": ("类别", "category"),
    "lat": ("纬度", "latitude"),
    "lon": ("经度", "longitude"),
    "gb_code": ("国标编码", "GB/T code"),
    "decimals": ("小数位数", "decimals"),
    "shelf_life_days": ("储存年限", "storage life"),
    "shelf_life_months": ("储存年限", "storage life"),
    "short_name": ("简称", "short name"),
    "target": ("冲销对象", "reversal target"),
    "database": ("数据库", "database"),
    "lot": ("批次", "lot"),
    "file": ("文件", "file"),
    "kind": ("类型", "kind"),
    "norm_set": ("定额", "norm set"),
    "reserve_target": ("储备目标", "reserve target"),
    "shares": ("年度比例", "yearly shares"),
    "years": ("计划年度", "plan years"),
    "year": ("年度", "year"),
    "basis": ("定额方式", "norm basis"),
    "price": ("单价", "unit price"),
    "contract": ("采购合同", "contract"),
    "supplier": ("供应商", "supplier"),
    "amount": ("金额", "amount"),
    "voucher": ("凭证号", "voucher number"),
    "reason": ("原因", "reason"),
    "accepted": ("验收合格数量", "accepted quantity"),
    "document": ("单据号", "document number"),
    "delivery_due": ("交货期限", "delivery date"),
    "grade": ("等级", "grade"),
    "mobilisation_days": ("动员天数", "mobilisation days"),
}

MESSAGES: dict[str, tuple[str, str]] = {
    "invalid_quantity": ("数量“{value}”{reason_text}。", "Quantity “{value}” {reason_text}."),
    "invalid_money": (
        "金额“{value}”无效（最多两位小数，不能为负）。",
        "Amount “{value}” is invalid (at most two decimals, not negative).",
    ),
    "invalid_date": (
        "{field_text}“{value}”无效（格式 YYYY-MM-DD，不能晚于今天，有效期不能早于生产日期）。",
        "{field_text} “{value}” is invalid (YYYY-MM-DD, not in the future, "
        "expiry not before production).",
    ),
    "insufficient_stock": (
        "库存不足：{depot} 的 {item}{lot_text} 申请 {requested}，可用仅 {available}。",
        "Insufficient stock: {item} at {depot}{lot_text}: requested "
        "{requested}, available {available}.",
    ),
    "not_found": ("找不到{kind_text}“{key}”。", "No {kind_text} “{key}” was found."),
    "already_exists": ("{kind_text}“{key}”已存在。", "{kind_text} “{key}” already exists."),
    "invalid_input": (
        "{field_text}{reason_text}：“{value}”。",
        "{field_text} {reason_text}: “{value}”.",
    ),
    "backup_sqlite_only": (
        "程序只能备份和恢复内置 SQLite 数据库；PostgreSQL 请在服务器上用 pg_dump / pg_restore。",
        "Only the embedded SQLite database is backed up and restored here; back up PostgreSQL "
        "on the server with pg_dump / pg_restore.",
    ),
    "reason_required": ("请填写原因。", "A reason is required."),
    "empty_document": ("单据没有任何明细行。", "The document has no lines."),
    "lot_mismatch": ("批次 {lot} 不属于 {expected}。", "Lot {lot} does not belong to {expected}."),
    "inactive_record": ("{kind_text}“{key}”已停用。", "{kind_text} “{key}” is deactivated."),
    "same_depot_transfer": (
        "调出仓库和调入仓库不能相同。",
        "The source and destination depots must differ.",
    ),
    "invalid_state": (
        "单据 {document} 当前状态为“{state_text}”，不能{action_text}。",
        "Document {document} is {state_text}; it cannot be {action_text}.",
    ),
    "already_reversed": (
        "流水 {movement_id} 已被冲销。",
        "Movement {movement_id} is already reversed.",
    ),
    "cannot_reverse_reversal": (
        "冲销记录不能再冲销，请重新录入正确的单据。",
        "A reversal cannot be reversed; post a new document instead.",
    ),
    "request_id_reused": (
        "请求编号 {request_id} 已用于另一笔不同的业务。",
        "Request id {request_id} was already used for different content.",
    ),
    "request_id_other_user": (
        "请求编号 {request_id} 已由其他用户使用，不能重复提交。",
        "Request id {request_id} was used by another user; it cannot be sent again.",
    ),
    "authentication_failed": ("用户名或密码错误。", "Wrong user name or password."),
    "sign_in_delayed": (
        "密码错误次数过多，请 {seconds} 秒后再试。",
        "Too many wrong passwords; try again in {seconds} seconds.",
    ),
    "sign_in_locked": (
        "密码错误次数过多，登录已锁定 {minutes} 分钟；管理员可在“用户管理”中解除锁定。",
        "Too many wrong passwords: sign-in is locked for {minutes} minutes; an "
        "administrator can lift the lock under User management.",
    ),
    "password_needed": (
        "没有可输入密码的终端：请设置环境变量 {variable} 后再运行。",
        "No terminal to ask for the password: set {variable} and run again.",
    ),
    "permission_denied": (
        "您的角色（{role_text}）无权执行此操作。",
        "Your role ({role_text}) may not do this.",
    ),
    "depot_not_allowed": ("您未被授权管理仓库 {depot}。", "You are not assigned to depot {depot}."),
    "self_approval": ("不能审批自己提交的申请。", "You cannot approve your own request."),
    "over_shipment": (
        "调拨指令 {document} 第 {line_no} 行还剩 {open}，不能发出 {requested}。",
        "Order {document} line {line_no} has {open} left; {requested} cannot be shipped.",
    ),
    "nothing_to_ship": (
        "调拨指令 {document} 在仓库 {depot} 没有待发的物资。",
        "Order {document} has nothing left to ship from depot {depot}.",
    ),
    "over_delivery": (
        "合同 {contract} 第 {line_no} 行尚未交付 {open}，不能再到货 {delivered}（超量交货）。",
        "Contract {contract} line {line_no} has {open} still to deliver; {delivered} would be "
        "an over-delivery.",
    ),
    "agreement_short": (
        "协议储备 {agreement} 剩余可调用 {available}，不能调用 {requested}。",
        "Agreement {agreement} has {available} left to call; {requested} cannot be called.",
    ),
    "owner_consent_required": (
        "调拨指令 {document} 要动用 {owners} 所有的物资（前置或代储），须填写该单位的同意人。",
        "Order {document} would release stock owned by {owners} (pre-positioned or held on "
        "its behalf): record who at the owner agreed.",
    ),
    "not_emergency": (
        "调拨指令 {document} 不是紧急调拨，不能凭电话批准。",
        "Order {document} is not an emergency order; it cannot be approved by phone.",
    ),
    "cannot_deactivate_self": (
        "不能停用自己的账户（{username}）。",
        "You cannot deactivate your own account ({username}).",
    ),
    "last_active_admin": (
        "{username} 是最后一个启用的管理员，不能停用或改为其他角色。",
        "{username} is the last active administrator; it cannot be deactivated or "
        "given another role.",
    ),
    "has_history": (
        "{kind_text}“{key}”已有业务记录，不能删除或更改单位，只能停用。",
        "{kind_text} “{key}” has history: it can be deactivated, not deleted.",
    ),
    "database_too_new": (
        "该数据库由更新版本的程序创建（版本 {found}），请升级本程序后再打开。",
        "This database was written by a newer version ({found}); please upgrade the program.",
    ),
    "upgrade_failed": (
        "数据库 {path} 从版本 {found} 升级失败，数据库保持原样；升级前另存的副本：{copy}。"
        "请把日志文件发给技术支持。",
        "Upgrading the database {path} from version {found} failed; it was left as it was. "
        "A copy taken before the attempt: {copy}. Please send the log file to support.",
    ),
    "upgrade_failed_server": (
        "数据库 {path} 从版本 {found} 升级失败，数据库保持原样（事务已回滚）。"
        "请把日志文件发给技术支持。",
        "Upgrading the database {path} from version {found} failed; it was left as it was "
        "(the transaction was rolled back). Please send the log file to support.",
    ),
    "database_missing": (
        "数据库不存在或尚未初始化：{path}。请先运行 inventory-app init。",
        "The database does not exist or is not initialised: {path}. Run inventory-app init first.",
    ),
    "database_incomplete": (
        "数据库 {path} 未创建完成（上次创建时被中断），不能使用。请删除它（或清空服务器上的该"
        "数据库）后重新创建。",
        "The database {path} was not completed (its creation was interrupted) and cannot be "
        "used. Delete it (or empty it on the server) and create it again.",
    ),
    "database_unavailable": (
        "无法连接数据库（{detail}）。请检查网络或数据库服务器后重试。",
        "Cannot reach the database ({detail}). Check the network or server and retry.",
    ),
    "network_path_refused": (
        "不能在网络共享上打开 SQLite 数据库：{path}。多台电脑共用请使用 PostgreSQL。",
        "A SQLite database cannot be opened on a network share: {path}. "
        "Use PostgreSQL for several PCs.",
    ),
    "verification_failed": (
        "数据校验发现 {problems} 处问题，首个：{first}",
        "The consistency check found {problems} problems; first: {first}",
    ),
    "uncounted_lines": (
        "盘点 {document} 还有 {count} 行没有实盘数（第 {lines} 行），不能提交。",
        "Count {document} has {count} lines without a counted quantity (lines {lines}); "
        "it cannot be submitted.",
    ),
    "variance_reason_required": (
        "盘点 {document} 第 {lines} 行有差异但没有差异原因，请先填写。",
        "Count {document} lines {lines} differ from the book without a reason; give one first.",
    ),
    "workbook_rejected": (
        "盘点工作簿 {path} 未通过检查（{count} 处问题），未做任何更改：{problems_text}",
        "The audit workbook {path} was refused ({count} problems); nothing was changed: "
        "{problems_text}",
    ),
    "bad_file": (
        "文件 {path} {reason_text}，未做任何更改。",
        "The file {path} {reason_text}; nothing was changed.",
    ),
}

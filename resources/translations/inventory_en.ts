<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/about_dialog.py" line="+31"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>安装版</source>
        <translation>installed program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python 包</source>
        <translation>Python package</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>源代码</source>
        <translation>source code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>内置 SQLite 文件</source>
        <translation>Embedded SQLite file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据目录</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日志文件</source>
        <translation>Log file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>运行环境</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;p&gt;&lt;b&gt;许可&lt;/b&gt;&lt;/p&gt;&lt;p&gt;界面和打印使用的字体“文泉驿微米黑”按 Apache 2.0 许可或带字体嵌入例外的 GPLv3 许可发布。&lt;/p&gt;&lt;p&gt;本程序使用 Qt 和 Qt for Python（PySide6），依据 GNU 宽通用公共许可证第 3 版（LGPLv3）使用；它们以独立的共享库形式随程序提供，未经修改，可以替换。源代码见 https://code.qt.io/ 。许可证全文在程序的 resources/licenses 文件夹中。&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The font used on screen and in print, WenQuanYi Micro Hei, is licensed under the Apache License 2.0 or the GPLv3 with the font embedding exception.&lt;/p&gt;&lt;p&gt;This program uses Qt and Qt for Python (PySide6) under the GNU Lesser General Public License version 3 (LGPLv3); they ship unmodified as separate shared libraries and can be replaced. Source code: https://code.qt.io/ . The full licence texts are in the program&apos;s resources/licenses folder.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>应急物资储备管理系统</source>
        <translation>Relief Material Reserve Manager</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>打开日志文件夹</source>
        <translation>Open Log Folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打开数据目录</source>
        <translation>Open Data Folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>许可证文件</source>
        <translation>Licence Files</translation>
    </message>
</context>
<context>
    <name>AdjustDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/adjust_dialog.py" line="+43"/>
        <source>调整单</source>
        <translation>Stock Adjustment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确认调整</source>
        <translation>Post Adjustment</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>盘点盘盈</source>
        <translation>Stock count surplus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>盘点盘亏</source>
        <translation>Stock count shortage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>破损</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>霉变、污损</source>
        <translation>Mould or soiling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计量误差</source>
        <translation>Measuring error</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>必填：选择或输入原因，如 年度盘点盘亏 2 顶</source>
        <translation>Required: choose or type a reason, e.g. annual count short by 2 tents</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>调整数量（±）</source>
        <translation>Change (±)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>仓库</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>单据日期</source>
        <translation>Document date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>调整原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>调整明细</source>
        <translation>Adjustment lines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>正数为盘盈（账面增加），负数为盘亏（账面减少），如 -2。过账后不能修改，如有错误请冲销后重新录入。</source>
        <translation>A positive quantity is a surplus (book stock goes up), a negative one a shortage (book stock goes down), e.g. -2. Posted adjustments cannot be edited; to correct one, reverse it and enter it again.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>您没有可办理调整的仓库。</source>
        <translation>You have no depot where you may post adjustments.</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+1"/>
        <source>请填写调整原因</source>
        <translation>Enter a reason for the adjustment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>请选择仓库</source>
        <translation>Choose a depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请至少录入一行调整明细</source>
        <translation>Enter at least one adjustment line</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/first_run_pages.py" line="+126"/>
        <source>设置管理员账户</source>
        <translation>Set Up the Administrator Account</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>管理员用户名：</source>
        <translation>Administrator user name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入密码：</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>创建数据库</source>
        <translation>Create Database</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>密码至少 {n} 个字符。请牢记：忘记后只能由另一位管理员重设。</source>
        <translation>The password needs at least {n} characters. Remember it: if forgotten, only another administrator can reset it.</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/backup_settings_dialog.py" line="+30"/>
        <source>自动备份设置</source>
        <translation>Automatic Backups</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>还没有自动备份</source>
        <translation>No automatic backup yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+22"/>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>保留每日备份（天）</source>
        <translation>Keep daily backups (days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保留每月备份（月）</source>
        <translation>Keep monthly backups (months)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最近一次自动备份</source>
        <translation>Last automatic backup</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>程序运行时每天备份一次，退出时再备份一次；每份备份写完后都会校验。建议选择另一块硬盘或 U 盘上的文件夹，这样电脑硬盘损坏时数据仍在。</source>
        <translation>While it runs the program backs up once a day, and again when it closes; every backup is checked after it is written. Choose a folder on another disk or a USB stick, so that the data survives if this PC&apos;s disk fails.</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <location filename="../../inventory_app/ui/backup_schedule.py" line="+80"/>
        <source>自动备份失败（{at}）：{error}</source>
        <translation>The automatic backup failed ({at}): {error}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>还没有自动备份。备份文件夹：{folder}</source>
        <translation>There is no automatic backup yet. Backup folder: {folder}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>最近一次自动备份在 {when}，已超过两天。备份文件夹：{folder}</source>
        <translation>The last automatic backup was on {when}, more than two days ago. Backup folder: {folder}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>无法写入备份文件夹（{reason}）</source>
        <translation>Cannot write to the backup folder ({reason})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>程序错误，详见日志文件</source>
        <translation>A program error; see the log file</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <location filename="../../inventory_app/ui/pages/catalogue_columns.py" line="+32"/>
        <source>、</source>
        <extracomment>separator between the items of a list</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../inventory_app/ui/pages/catalogue_page.py" line="+189"/>
        <location line="+70"/>
        <source>全部物资</source>
        <translation>All items</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+22"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>物资数</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>英文名</source>
        <translation>English name</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>规格</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>国标编码</source>
        <translation>GB code</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GB/T 38565-2020 应急物资分类及编码</source>
        <translation>GB/T 38565-2020 Classification and coding of emergency supplies</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>参考单价</source>
        <translation>Ref. price</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>储存年限</source>
        <translation>Shelf life</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>人均定额</source>
        <translation>Per person</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>每顶帐篷定额</source>
        <translation>Per tent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>每件可安置人数</source>
        <translation>People per unit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>储备方式</source>
        <translation>Reserve type</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/catalogue_page.py" line="-109"/>
        <source>物资目录</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>搜索：名称、编码、英文名或拼音首字母（如 mzp）</source>
        <translation>Name, code, English name or pinyin (mzp)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>新建物资…</source>
        <translation>New Item…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message numerus="yes">
        <location line="+98"/>
        <source>在“%1”中找到 %n 种物资</source>
        <translation>
            <numerusform>%n item found in &quot;%1&quot;</numerusform>
            <numerusform>%n items found in &quot;%1&quot;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>；可选择“全部物资”在所有类别中搜索</source>
        <translation>; choose &quot;All items&quot; to search every category</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1：共 %n 种物资</source>
        <translation>
            <numerusform>%1: %n item</numerusform>
            <numerusform>%1: %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>共 %n 种物资</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>（%n 种已停用）</source>
        <translation>
            <numerusform> (%n inactive)</numerusform>
            <numerusform> (%n inactive)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>启用</source>
        <comment>button</comment>
        <translation>Activate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>停用</source>
        <comment>button</comment>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>停用物资“%1”？
停用后不能再入库；已有库存和历史记录不受影响，以后可以重新启用。</source>
        <translation>Deactivate item &quot;%1&quot;?
It can no longer be received; existing stock and history are not affected, and it can be activated again later.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/change_password_dialog.py" line="+107"/>
        <source>修改密码</source>
        <translation>Change Password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>当前密码：</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入新密码：</source>
        <translation>New password again:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>请输入当前密码。</source>
        <translation>Please enter your current password.</translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/first_run_pages.py" line="-82"/>
        <source>新建空数据库</source>
        <translation>New Empty Database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在本机新建一个空的数据库，并设置管理员账户。正式使用请选此项。</source>
        <translation>Create an empty database on this computer and set up the administrator account. Choose this for real use.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>新建演示数据库</source>
        <translation>New Demo Database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>载入中卫市的演示数据（35 个仓库、约 400 个批次、两年的出入库记录），用于培训和试用。约需 15 秒。</source>
        <translation>Load demo data for Zhongwei City (35 depots, about 400 lots, two years of movements) for training and trying out. Takes about 15 seconds.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>连接 PostgreSQL 服务器</source>
        <translation>Connect to a PostgreSQL Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>多台电脑共用一个数据库时选此项。需要服务器地址、数据库名和账户。</source>
        <translation>Choose this when several computers share one database. You need the server address, the database name and an account.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>更改位置…</source>
        <translation>Change Location…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开已有的数据库文件…</source>
        <translation>Open Existing Database File…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>返回登录</source>
        <translation>Back to sign-in</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>更换数据库</source>
        <translation>Switch database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开已有的数据库文件，或新建一个：</source>
        <translation>Open an existing database file, or create a new one:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>欢迎使用应急物资储备管理系统</source>
        <translation>Welcome to the Relief Material Reserve Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还没有找到数据库。请选择如何开始：</source>
        <translation>No database was found yet. Choose how to start:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>数据库文件将保存在：{path}</source>
        <translation>The database file will be saved in: {path}</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/contract_dialogs.py" line="+100"/>
        <source>签订采购合同（{plan}）</source>
        <translation>Sign a purchase contract ({plan})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>收货仓库编码，如 ZW-SJ-01</source>
        <translation>Receiving depot code, e.g. ZW-SJ-01</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>合同号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计划年度</source>
        <translation>Plan year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收货仓库</source>
        <translation>Receiving depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>交货期限</source>
        <translation>Delivery due</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>计划 {qty}</source>
        <translation>planned {qty}</translation>
    </message>
</context>
<context>
    <name>CountActions</name>
    <message>
        <location filename="../../inventory_app/ui/pages/counts_actions.py" line="+129"/>
        <source>盘点中发现的账外物资（盘盈）</source>
        <translation>Stock found that the books do not list (surplus)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>审核过账</source>
        <translation>Approve and Post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审核后差异将作为调整单过账，不能撤回。确定审核 {0} 吗？</source>
        <translation>Approving posts the variances as an adjustment document; this cannot be undone. Approve {0}?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>作废盘点单</source>
        <translation>Cancel Count</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>作废原因：</source>
        <translation>Reason for cancelling:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} 的历史记录</source>
        <translation>History of {0}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已保存到：
{0}</source>
        <translation>Saved to:
{0}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>导出盘点工作簿</source>
        <translation>Export Count Workbook</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>正在导出盘点工作簿…</source>
        <translation>Exporting the count workbook…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+47"/>
        <source>导入盘点工作簿</source>
        <translation>Import Count Workbook</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>正在检查盘点工作簿…</source>
        <translation>Checking the count workbook…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>工作簿检查通过：{lines} 行，差异 {changed} 行，盘盈新增 {found} 行，差异金额 {value}。

{shown}

导入并提交吗？</source>
        <translation>The workbook is valid: {lines} lines, {changed} differ, {found} found, variance {value}.

{shown}

Import and submit it?</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>正在导入盘点工作簿…</source>
        <translation>Importing the count workbook…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>正在生成 PDF…</source>
        <translation>Generating the PDF…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>打印盘点表</source>
        <translation>Print Count Sheets</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>打印盘点单</source>
        <translation>Print Count Document</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>打印货位卡</source>
        <translation>Print Bin Cards</translation>
    </message>
</context>
<context>
    <name>CountEntryDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/count_entry_dialog.py" line="+26"/>
        <source>录入实盘数</source>
        <translation>Enter Count</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>物资编码，如 050101</source>
        <translation>Item code, e.g. 050101</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>库位</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只填数字，如 12 或 2.5</source>
        <translation>Digits only, e.g. 12 or 2.5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实盘数量</source>
        <translation>Counted quantity</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>差异原因</source>
        <translation>Variance reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>CountsPage</name>
    <message>
        <location filename="../../inventory_app/ui/pages/counts_columns.py" line="+21"/>
        <source>盘点单号</source>
        <translation>Count no.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>仓库</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>盲盘</source>
        <translation>Blind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已盘/行数</source>
        <translation>Counted/lines</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>开单人</source>
        <translation>Opened by</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>行号</source>
        <translation>Line</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>批次ID</source>
        <translation>Lot ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新增</source>
        <translation>found</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>库位</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>批号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>账面</source>
        <translation>Book</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>实盘</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>差异</source>
        <translation>Variance</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>差异金额</source>
        <translation>Variance value</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>快照后变动</source>
        <translation>Since snapshot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>快照之后这一批次的收发（已记账，不计入差异）</source>
        <translation>Receipts and issues of this lot after the snapshot (already booked, not part of the variance)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/counts_page.py" line="+143"/>
        <location line="+126"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>共 {0} 张盘点单</source>
        <translation>{0} counts</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>{doc}&#x3000;{depot}&#x3000;范围：{scope}&#x3000;快照：{at:%Y-%m-%d %H:%M}&#x3000;差异金额：{value}</source>
        <translation>{doc}   {depot}   scope: {scope}   snapshot: {at:%Y-%m-%d %H:%M}   variance: {value}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>仓库：</source>
        <translation>Depot:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>盲盘（盘点表不显示账面数）</source>
        <translation>Blind count (sheets without book quantities)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>库位，如 A-01,A-02（留空为全部）</source>
        <translation>Locations, e.g. A-01,A-02 (empty: all)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>开始盘点</source>
        <translation>Start Count</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>冻结该仓库各批次的账面数；盘点期间可照常收发</source>
        <translation>Freezes the book quantity of every lot at the depot; receipts and issues go on as usual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打印盘点表</source>
        <translation>Print Count Sheets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出盘点工作簿</source>
        <translation>Export Count Workbook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入盘点工作簿</source>
        <translation>Import Count Workbook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>录入实盘数</source>
        <translation>Enter Count</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记盘盈</source>
        <translation>Record Found Stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>录入完成</source>
        <translation>Counting Done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复盘所选行</source>
        <translation>Recount Selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审核过账</source>
        <translation>Approve and Post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>作废</source>
        <translation>Cancel Count</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印盘点单</source>
        <translation>Print Count Document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印货位卡</source>
        <translation>Print Bin Cards</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>历史记录</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../inventory_app/ui/crash.py" line="+79"/>
        <location line="+26"/>
        <source>日志文件：{path}</source>
        <translation>Log file: {path}</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>程序出错</source>
        <translation>Unexpected Error</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>程序遇到了一个意外错误。已保存的数据不受影响，未完成的操作没有写入数据库。
请复制下面的详细信息并连同日志文件一起发给技术支持人员。</source>
        <translation>The program ran into an unexpected error. Data already saved is not affected; the unfinished operation was not written to the database.
Please copy the details below and send them, together with the log file, to technical support.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打开日志文件夹</source>
        <translation>Open Log Folder</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../inventory_app/ui/pages/dashboard_columns.py" line="+41"/>
        <source>{n} 种单位</source>
        <translation>{n} units</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../inventory_app/ui/pages/dashboard_work_columns.py" line="+60"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>品种</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>批次</source>
        <translation>Lots</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>库存数量</source>
        <translation>On hand</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>金额</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../inventory_app/ui/pages/dashboard_emergency.py" line="+48"/>
        <location filename="../../inventory_app/ui/pages/dashboard_work_columns.py" line="+97"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>有效期至</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+94"/>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+93"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+93"/>
        <location filename="../../inventory_app/ui/pages/dashboard_work_columns.py" line="-92"/>
        <location line="+75"/>
        <source>仓库</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>{item}（{spec}）
仓库：{depot} {location}
批号：{batch}</source>
        <translation>{item} ({spec})
Depot: {depot} {location}
Batch no.: {batch}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>调拨单号</source>
        <translation>Transfer no.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../inventory_app/ui/pages/dashboard_work_columns.py" line="-23"/>
        <source>发出日期</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../inventory_app/ui/pages/dashboard_work_columns.py" line="-6"/>
        <source>调出仓库</source>
        <translation>From depot</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../inventory_app/ui/pages/dashboard_work_columns.py" line="-6"/>
        <source>调入仓库</source>
        <translation>To depot</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>明细行</source>
        <translation>Lines</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>单号：{doc_no}
经办人：{user}</source>
        <translation>Document: {doc_no}
Entered by: {user}</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../inventory_app/ui/pages/dashboard_work_columns.py" line="-24"/>
        <location line="+70"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>业务</source>
        <translation>Movement</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>已过期 {days} 天</source>
        <translation>Expired {days} d ago</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>今天到期</source>
        <translation>Expires today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还剩 {days} 天</source>
        <translation>{days} d left</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/dashboard_page.py" line="+317"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>仓库</source>
        <comment>number of depots</comment>
        <translation>Depots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在库批次</source>
        <translation>Lots in stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>库存金额</source>
        <translation>Stock value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已过期批次</source>
        <translation>Expired lots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>临期批次</source>
        <translation>Lots near expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待接收调拨</source>
        <translation>Transfers to receive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>库存分类汇总</source>
        <translation>Stock by category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>过期与临期批次</source>
        <translation>Expired and near-expiry lots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待接收的调拨</source>
        <translation>Transfers waiting for receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>双击一行办理调拨接收</source>
        <translation>Double-click a row to receive it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最近出入库</source>
        <translation>Recent movements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暂无库存</source>
        <translation>No stock yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有过期或临期的批次</source>
        <translation>No expired or near-expiry lots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有等待接收的调拨</source>
        <translation>No transfers waiting for receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暂无出入库记录</source>
        <translation>No movements yet</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{user}，正在读取数据…</source>
        <translation>{user}, loading data…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{user} · 数据截至 {date}</source>
        <translation>{user} · data as of {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>有效期在 {days} 天内，含已过期</source>
        <translation>Expiring within {days} days, or expired</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>最近 {count} 条</source>
        <translation>Latest {count}</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/dashboard_emergency.py" line="-10"/>
        <source>指令号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>接收单位</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>电话批准人</source>
        <translation>Approved by phone by</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>补办期限</source>
        <translation>Paperwork due</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>紧急调拨（待补办书面审批）</source>
        <translation>Emergency orders (written approval due)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>电话批准后 48 小时内须补办书面审批 · 双击打开该指令</source>
        <translation>Written approval is due within 48 h of the phone approval · double-click to open the order</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/dashboard_work_columns.py" line="-96"/>
        <location line="+45"/>
        <location line="+35"/>
        <source>单号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>申请人</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>在途 {days} 天</source>
        <translation>In transit {days} d</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>在途时间</source>
        <translation>In transit</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>报废原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/contract_dialogs.py" line="+38"/>
        <source>到货验收（合同 {no}）</source>
        <translation>Delivery and acceptance (contract {no})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>质检报告号</source>
        <translation>QC report no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>到货日期</source>
        <translation>Delivered on</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>未交 {qty}</source>
        <translation>{qty} still open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>合格数量（默认全部）</source>
        <translation>accepted (default: all)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不合格原因</source>
        <translation>reason for refusing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&#x3000;验收合格</source>
        <translation>&#x3000;Accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&#x3000;拒收原因</source>
        <translation>&#x3000;Refused because</translation>
    </message>
</context>
<context>
    <name>DepotCombo</name>
    <message>
        <location filename="../../inventory_app/ui/widgets/depot_combo.py" line="+146"/>
        <source>输入名称或编码查找</source>
        <translation>Type a name or code to search</translation>
    </message>
</context>
<context>
    <name>DepotDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/depot_dialog.py" line="+37"/>
        <source>应急物资储备库</source>
        <translation>Relief depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>粮食承储库点</source>
        <translation>Grain storage point</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>自治区级</source>
        <translation>Regional level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>市级</source>
        <translation>City level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>县级</source>
        <translation>County level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>乡镇级</source>
        <translation>Township level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>村级</source>
        <translation>Village level</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>编辑仓库</source>
        <translation>Edit Depot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新建仓库</source>
        <translation>New Depot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所在区划</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>权属单位</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>坐标</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>如 柔远镇库；表格中显示简称，单据上打印全称</source>
        <translation>e.g. Rouyuan depot; tables show the short name, documents print the full name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>如 37.5100</source>
        <translation>e.g. 37.5100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如 105.1900</source>
        <translation>e.g. 105.1900</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>十进制度数（北纬、东经为正），用于估算运输距离和时间；可留空。</source>
        <translation>Decimal degrees (north and east are positive), used to estimate transport distance and time; optional.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>演示坐标（大致位置，并非实测）</source>
        <translation>Demo coordinates (approximate, not surveyed)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如 ZW-SJ-01，保存后不能修改</source>
        <translation>e.g. ZW-SJ-01; cannot be changed once saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如 0955-7080239</source>
        <translation>e.g. 0955-7080239</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+49"/>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>请填写仓库编码。</source>
        <translation>Enter the depot code.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请填写仓库名称。</source>
        <translation>Enter the depot name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请选择权属单位。</source>
        <translation>Choose the owner.</translation>
    </message>
</context>
<context>
    <name>DepotNames</name>
    <message>
        <location filename="../../inventory_app/ui/depot_names.py" line="+42"/>
        <source>{name}
编码：{code}</source>
        <translation>{name}
Code: {code}</translation>
    </message>
</context>
<context>
    <name>DepotsPage</name>
    <message>
        <location filename="../../inventory_app/ui/pages/depots_columns.py" line="+37"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>（演示）</source>
        <translation>(demo)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>演示坐标：大致位置，仅用于估算运输距离，并非实测。</source>
        <translation>Demo coordinates: an approximate position, only for estimating transport distance; not surveyed.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+83"/>
        <location filename="../../inventory_app/ui/pages/depots_detail.py" line="+83"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-76"/>
        <location filename="../../inventory_app/ui/pages/depots_detail.py" line="+2"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../inventory_app/ui/pages/depots_detail.py" line="+1"/>
        <source>所在区划</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../inventory_app/ui/pages/depots_detail.py" line="+1"/>
        <source>权属单位</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../inventory_app/ui/pages/depots_detail.py" line="+1"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../inventory_app/ui/pages/depots_detail.py" line="+1"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>坐标（纬度, 经度）</source>
        <translation>Coordinates (lat, lon)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>在库批次</source>
        <translation>Lots in stock</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+24"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>库位编码</source>
        <translation>Location code</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/depots_page.py" line="+183"/>
        <source>仓库</source>
        <translation>Depots</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>仓库名录</source>
        <translation>Depot register</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>筛选：名称、编码、区划、权属单位、联系人</source>
        <translation>Filter: name, code, region, owner, contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新建仓库…</source>
        <translation>New Depot…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新建库位…</source>
        <translation>New Location…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/depots_detail.py" line="-8"/>
        <source>仓库详情</source>
        <translation>Depot details</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>坐标</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/pages/depots_page.py" line="+88"/>
        <source>共 %n 个仓库</source>
        <translation>
            <numerusform>%n depot</numerusform>
            <numerusform>%n depots</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>，其中 %n 个已停用</source>
        <translation>
            <numerusform>, %n inactive</numerusform>
            <numerusform>, %n inactive</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>（筛选后显示 %n 个）</source>
        <translation>
            <numerusform> (%n shown)</numerusform>
            <numerusform> (%n shown)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>库位（请先选择仓库）</source>
        <translation>Locations (choose a depot first)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 的库位（%2 个）</source>
        <translation>Locations of %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/depots_detail.py" line="-74"/>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>【已停用】</source>
        <translation>[inactive]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>北纬 %1°，东经 %2°</source>
        <translation>%1° N, %2° E</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>未填写</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（演示坐标，仅用于估算运输距离）</source>
        <translation> (demo coordinates, only for estimating transport distance)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>未填写（表格中显示全称）</source>
        <translation>Not set (tables show the full name)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/depots_page.py" line="+10"/>
        <source>启用</source>
        <comment>button</comment>
        <translation>Activate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>停用</source>
        <comment>button</comment>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>启用库位</source>
        <translation>Activate Location</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>停用库位</source>
        <translation>Deactivate Location</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>启用仓库“%1”？启用后可重新办理入库、出库。</source>
        <translation>Activate depot &quot;%1&quot;? Goods can then be received and issued there again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>停用仓库“%1”？
停用后不能再在该仓库办理入库、出库；仓库不会删除，历史记录和单据仍可查询，以后可以重新启用。</source>
        <translation>Deactivate depot &quot;%1&quot;?
Goods can no longer be received or issued there. The depot is not deleted: its history and documents can still be viewed, and it can be activated again later.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>注意：该仓库仍有 %n 个在库批次。</source>
        <translation>
            <numerusform>Note: this depot still holds %n lot.</numerusform>
            <numerusform>Note: this depot still holds %n lots.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>停用库位“%1”？
停用后入库时不能再选择该库位；已在此库位的批次和历史记录不受影响。</source>
        <translation>Deactivate location &quot;%1&quot;?
It can no longer be chosen when receiving goods; lots already stored there and their history are not affected.</translation>
    </message>
</context>
<context>
    <name>DrillsPage</name>
    <message>
        <location filename="../../inventory_app/ui/pages/drill_report_view.py" line="+32"/>
        <source>申请</source>
        <translation>Request filed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开始（接受建议）</source>
        <translation>Started (suggestion accepted)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../inventory_app/ui/pages/drills_page.py" line="+46"/>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出库单已打印</source>
        <translation>Slip printed</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../inventory_app/ui/pages/drills_page.py" line="+2"/>
        <source>发车</source>
        <translation>Depart</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../inventory_app/ui/pages/drills_page.py" line="+1"/>
        <source>到达</source>
        <translation>Arrive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>调出仓库</source>
        <translation>Source depot</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>批号</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>库位</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>有效期至</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>车程</source>
        <translation>Travel</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>正在读取演练报告…</source>
        <translation>Loading the drill report…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>选中一次演练，这里显示它的报告；或从一份调拨申请开始新的演练。</source>
        <translation>Select a drill to see its report here, or start a new drill from a request.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>演练 {doc}（申请 {request}，{state}）</source>
        <translation>Drill {doc} (request {request}, {state})</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>全部有货，来自 {depots}</source>
        <translation>Everything in stock, from {depots}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>短缺：{items}</source>
        <translation>Short: {items}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>拿得出</source>
        <translation>Available</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>调动快</source>
        <translation>Fast</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>计划 {planned}，时限 {target} 小时</source>
        <translation>Planned {planned}, target {target} h</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>用得上</source>
        <translation>Usable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>批次有效，库位清楚</source>
        <translation>Lots in date, bins known</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} 个问题</source>
        <translation>{n} problem(s)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>尚未到达</source>
        <translation>not arrived yet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>计划用时 {planned}（最远车程 + 装卸 {handling} 分）；时限 {target} 小时；实际用时（申请到到达）：{elapsed}</source>
        <translation>Planned {planned} (longest trip + {handling} min handling); target {target} h; actual time (request to arrival): {elapsed}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>各环节时间</source>
        <translation>Steps and times</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>物资来源</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/drills_page.py" line="-2"/>
        <source>打印出库单</source>
        <translation>Print slip</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已开始</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已发车</source>
        <translation>On the road</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已到达</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>演练单号</source>
        <translation>Drill no.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>调拨申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>发起人</source>
        <translation>Started by</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>正在查询…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>共 {0} 次演练</source>
        <translation>{0} drill(s)</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>调拨申请：</source>
        <translation>Request:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开始演练</source>
        <translation>Start drill</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按建议选定来源开始计时；演练不预留、不出库，只记录各环节用时</source>
        <translation>Take the suggested sources and start the clock; a drill reserves and ships nothing, it only times each step</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>记录环节：</source>
        <translation>Record step:</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <location filename="../../inventory_app/ui/errors.py" line="+40"/>
        <source>无法完成</source>
        <translation>Could Not Complete</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>数据库连接中断</source>
        <translation>Database Connection Lost</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>暂时无法连接数据库，刚才的操作没有完成，已保存的数据不受影响。</source>
        <translation>The database cannot be reached at the moment. The last operation was not completed; data already saved is not affected.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
</context>
<context>
    <name>ExecutionPanel</name>
    <message>
        <location filename="../../inventory_app/ui/pages/plan_execution.py" line="+140"/>
        <source>签订合同…</source>
        <translation>Sign Contract…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>到货验收…</source>
        <translation>Delivery…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记付款…</source>
        <translation>Payment…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合同结案</source>
        <translation>Close Contract</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>执行计划 {plan}；逾期未交货合同 {late} 份</source>
        <translation>Executing plan {plan}; {late} contract(s) overdue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>尚无已批准的计划</source>
        <translation>No approved plan yet</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../inventory_app/ui/widgets/filter_bar.py" line="+245"/>
        <source>无法完成</source>
        <translation>Could Not Complete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法写入文件：{0}</source>
        <translation>Could not write the file: {0}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>正在导出 Excel…</source>
        <translation>Exporting to Excel…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>导出完成</source>
        <translation>Export Complete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已导出 {0} 行到：
{1}</source>
        <translation>Exported {0} rows to:
{1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>打开文件</source>
        <translation>Open File</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/first_run_dialog.py" line="+69"/>
        <source>开始使用 — 应急物资储备管理系统</source>
        <translation>Getting Started — Relief Material Reserve Manager</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>创建数据库</source>
        <translation>Create Database</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>新数据库将保存在：{path}</source>
        <translation>The new database will be saved in: {path}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>正在创建演示数据库，约需 15 秒…</source>
        <translation>Creating the demo database, about 15 seconds…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>新数据库的位置</source>
        <translation>Location of the New Database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQLite 数据库 (*.sqlite3)</source>
        <translation>SQLite database (*.sqlite3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>该文件已存在。要使用已有的数据库，请点“打开已有的数据库文件…”。</source>
        <translation>This file already exists. To use an existing database, click &quot;Open Existing Database File…&quot;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>打开数据库</source>
        <translation>Open Database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQLite 数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation>SQLite databases (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>请输入管理员用户名。</source>
        <translation>Enter the administrator&apos;s user name.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>密码太短，至少 {n} 个字符。</source>
        <translation>The password is too short; it needs at least {n} characters.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>正在创建管理员账户…</source>
        <translation>Creating the administrator account…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>正在创建数据库…</source>
        <translation>Creating the database…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>正在连接服务器…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>无法连接服务器，请检查地址、端口、数据库名、用户名和密码。
{detail}</source>
        <translation>Could not connect to the server. Check the address, port, database name, user name and password.
{detail}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>服务器上的数据库是空的，请为它设置第一个管理员账户。</source>
        <translation>The database on the server is empty. Set up its first administrator account.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>创建管理员</source>
        <translation>Create Administrator</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/issue_dialog.py" line="+24"/>
        <source>出库单</source>
        <translation>Goods Issue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确认出库</source>
        <translation>Post Issue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>必填，如 海原县三河镇人民政府</source>
        <translation>Required, e.g. Sanhe Town Government, Haiyuan County</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调拨单号或审批依据</source>
        <translation>Dispatch order no. or approval reference</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>仓库</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单据日期</source>
        <translation>Document date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>接收单位</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调拨单号/依据</source>
        <translation>Order no./reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>出库明细</source>
        <translation>Issue lines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不指定批次时按先到期先出自动分配；超过可用库存的行标为黄色。Insert 添加行，Delete 删除行。</source>
        <translation>Without a batch, the earliest-expiring stock is allocated first; rows beyond available stock are yellow. Insert adds a row, Delete removes one.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>请填写接收单位</source>
        <translation>Enter the recipient</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/item_fields.py" line="+44"/>
        <source>实物</source>
        <translation>Physical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>产能</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/widgets/shelf_life_edit.py" line="+18"/>
        <source>%1 年</source>
        <translation>%1 yr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 个月</source>
        <translation>%1 months</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 天</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>年</source>
        <translation>years</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>个月</source>
        <translation>months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>天</source>
        <translation>days</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/dialogs/item_dialog.py" line="+160"/>
        <source>编辑物资</source>
        <translation>Edit Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新建物资</source>
        <translation>New Item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>英文名</source>
        <translation>English name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>规格</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计量单位</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>国标编码</source>
        <translation>GB code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>参考单价（元）</source>
        <translation>Reference price (CNY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>储存年限</source>
        <translation>Shelf life</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+201"/>
        <source>人均定额</source>
        <translation>Per person</translation>
    </message>
    <message>
        <location line="-200"/>
        <location line="+201"/>
        <source>每顶帐篷定额</source>
        <translation>Per tent</translation>
    </message>
    <message>
        <location line="-200"/>
        <location line="+201"/>
        <source>每件可安置人数</source>
        <translation>People per unit</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>储备方式</source>
        <translation>Reserve type</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>如 050101（类别 2 位 + 顺序号），保存后不能修改</source>
        <translation>e.g. 050101 (2-digit category + serial no.); cannot be changed once saved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>可留空</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如 12 m² 单层棉帐篷</source>
        <translation>e.g. 12 m² single-layer cotton tent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>小数位</source>
        <translation>Decimals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计件为 0；按吨、千克、升计量为 3</source>
        <translation>0 for counted goods; 3 for tonnes, kilograms, litres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GB/T 38565 的 7 位编码，可留空</source>
        <translation>7-digit GB/T 38565 code; optional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如 1650.00，最多两位小数</source>
        <translation>e.g. 1650.00, at most two decimals</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/widgets/shelf_life_edit.py" line="+4"/>
        <source>不设定</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/dialogs/item_dialog.py" line="+2"/>
        <source>每名安置人员配备数量，如 1；可留空</source>
        <translation>Quantity per sheltered person, e.g. 1; optional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>每顶帐篷配备数量，如 1；可留空</source>
        <translation>Quantity per tent, e.g. 1; optional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如棉帐篷每顶安置 4 人；可留空</source>
        <translation>e.g. a cotton tent shelters 4 people; optional</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{mode}储备</source>
        <translation>{mode} reserve</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>该物资已有库存批次，计量单位和小数位数不能再修改（其他内容可以修改）。如需改用其他单位，请新建一个物资，并停用本物资。</source>
        <translation>This item already has stock lots, so its unit and decimals can no longer change (everything else can). To use another unit, create a new item and deactivate this one.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>请填写物资编码。</source>
        <translation>Enter the item code.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请填写物资名称。</source>
        <translation>Enter the item name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请选择类别。</source>
        <translation>Choose a category.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请填写计量单位。</source>
        <translation>Enter the unit of measure.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请至少选择一种储备方式。</source>
        <translation>Choose at least one reserve type.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>参考单价：</source>
        <translation>Reference price: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>：</source>
        <translation>: </translation>
    </message>
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <location filename="../../inventory_app/ui/widgets/item_picker.py" line="+171"/>
        <source>输入名称、编码或拼音首字母</source>
        <translation>Type a name, code or pinyin initials</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>列出全部物资</source>
        <translation>List all items</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="+18"/>
        <source>入库单</source>
        <translation>Goods receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出库单</source>
        <translation>Goods issue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调拨单</source>
        <translation>Transfer note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调整单</source>
        <translation>Adjustment note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>报废单</source>
        <translation>Write-off note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>冲销单</source>
        <translation>Reversal note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调拨申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调拨指令</source>
        <translation>Allocation order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>签收回执</source>
        <translation>Receipt note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回收单</source>
        <translation>Return</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>结算单</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>储备计划</source>
        <translation>Reserve plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>采购合同</source>
        <translation>Purchase contract</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>盘点单</source>
        <translation>Stock count</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已过账</source>
        <translation>Posted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在途</source>
        <translation>In transit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已接收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待审批</source>
        <translation>Pending approval</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已驳回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已冲销</source>
        <translation>Reversed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>部分出库</source>
        <translation>Partly shipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+73"/>
        <source>已出库</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>已签收</source>
        <translation>Signed for</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已作废</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已修订</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>盘点中</source>
        <translation>counting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已录入</source>
        <translation>entered</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>入库</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出库</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调出</source>
        <translation>Transfer out</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>调入</source>
        <translation>Transfer in</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>调整</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>报废</source>
        <translation>Write-off</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>冲销</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>救灾</source>
        <translation>Disaster relief</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>前置</source>
        <translation>Pre-positioning</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>盘盈</source>
        <translation>Found at count</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>自然损耗</source>
        <translation>Natural loss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计量误差</source>
        <translation>Measuring error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>破损</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>盗失</source>
        <translation>Theft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>记账错误</source>
        <translation>Booking error</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>计划→修订版</source>
        <translation>Plan → revision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计划→采购合同</source>
        <translation>Plan → contract</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>签收回执→途损调整</source>
        <translation>Receipt note → loss in transit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调拨单→途损调整</source>
        <translation>Transfer → loss in transit</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>已入库</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已调出</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已调整</source>
        <translation>Adjusted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已报废</source>
        <translation>Written off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已生效</source>
        <translation>In effect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已回收入库</source>
        <translation>Returned to stock</translation>
    </message>
    <message>
        <location line="-95"/>
        <location line="+37"/>
        <source>演练</source>
        <translation>Drill</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>轮换</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>采购</source>
        <translation>Purchase</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>捐赠</source>
        <translation>Donation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回收</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>期初</source>
        <translation>Opening balance</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>回收（使用后退回）</source>
        <translation>Returned (after use)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>期初建账</source>
        <translation>Opening balance</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>调拨指令→出库单</source>
        <translation>Order → dispatch slip</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>调拨指令→回收单</source>
        <translation>Order → return</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>调拨申请→调拨指令</source>
        <translation>Request → order</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>出库单→签收回执</source>
        <translation>Dispatch slip → receipt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>合同→到货</source>
        <translation>Contract → delivery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>盘点→调整</source>
        <translation>Stocktake → adjustment</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <location filename="../../inventory_app/ui/pages/ledger_columns.py" line="+30"/>
        <location line="+185"/>
        <source>已被流水 {0} 冲销</source>
        <translation>Reversed by movement {0}</translation>
    </message>
    <message>
        <location line="-181"/>
        <location line="+182"/>
        <source>冲销流水 {0}</source>
        <translation>Reverses movement {0}</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>流水号</source>
        <translation>Movement no.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../inventory_app/ui/pages/ledger_filters.py" line="+137"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+80"/>
        <location filename="../../inventory_app/ui/pages/ledger_detail.py" line="+63"/>
        <source>录入时间</source>
        <translation>Entered at</translation>
    </message>
    <message>
        <location line="-73"/>
        <location filename="../../inventory_app/ui/pages/ledger_detail.py" line="-10"/>
        <location filename="../../inventory_app/ui/pages/ledger_filters.py" line="-12"/>
        <source>单据号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../inventory_app/ui/pages/ledger_filters.py" line="+8"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../inventory_app/ui/pages/ledger_detail.py" line="+4"/>
        <source>仓库</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>批号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>结存</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>本笔之后，{item}在本库的结存；本批次结存 {lot}</source>
        <translation>Balance of {item} at this depot after this movement; this batch: {lot}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>冲销关系</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>双击跳到关联流水</source>
        <translation>Double-click to go to the linked movement</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>经办人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../inventory_app/ui/pages/ledger_detail.py" line="+1"/>
        <source>对方单位</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../inventory_app/ui/pages/ledger_detail.py" line="+3"/>
        <source>原因/备注</source>
        <translation>Reason/note</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/ledger_page.py" line="+214"/>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>正在查询台账…</source>
        <translation>Searching the ledger…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/ledger_filters.py" line="-30"/>
        <source>全部仓库</source>
        <translation>All depots</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}（已停用）</source>
        <translation>{0} (inactive)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/ledger_columns.py" line="+63"/>
        <source>共 {0} 条流水</source>
        <translation>Movements: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（按{0}{1}）</source>
        <translation> (sorted by {0}, {1})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>降序</source>
        <translation>descending</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>升序</source>
        <translation>ascending</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/ledger_detail.py" line="+169"/>
        <source>正在读取单据…</source>
        <translation>Loading the document…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>选中一条流水，这里显示它所属单据的信息。</source>
        <translation>Select a movement to see its document here.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/ledger_page.py" line="+117"/>
        <location line="+12"/>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/ledger_filters.py" line="+7"/>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>物资、批号、对方单位</source>
        <translation>Item, batch no., counterparty</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>例如：棉被、mb、批号或收货单位；也可输入部分单据号</source>
        <translation>e.g. 棉被, mb, a batch no. or the recipient; part of a document number works too</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>完整单据号</source>
        <translation>Full document no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只看这一张单据的流水，例如 RK-ZW-SJ-01-2026-00001</source>
        <translation>Only this document&apos;s movements, e.g. RK-ZW-SJ-01-2026-00001</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>仓库(&amp;D)</source>
        <translation>&amp;Depot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>至</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>清除筛选</source>
        <translation>Clear Filters</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/ledger_page.py" line="+7"/>
        <source>跳到关联流水</source>
        <translation>Go to Linked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在冲销流水与被冲销的原流水之间跳转（也可双击该行）</source>
        <translation>Jump between a reversal and the movement it reverses (or double-click the row)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>冲销…</source>
        <translation>Reverse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用一张冲销单抵消选中的流水；原流水保留不变</source>
        <translation>Cancel the selected movement with a reversal note; the original stays unchanged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按当前筛选条件导出全部流水</source>
        <translation>Export every movement matching the current filters</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/ledger_detail.py" line="+56"/>
        <source>显示全部批次</source>
        <translation>Show all lots</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>单据信息</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>单据类型</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单据日期</source>
        <translation>Document date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>关联单号</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>来源/用途</source>
        <translation>Source/purpose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>录入人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>明细行数</source>
        <translation>Lines</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name}（录入电脑 {host}）</source>
        <translation>{name} (entered on PC {host})</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>原单</source>
        <translation>Original</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind} {doc_no}（{state}）</source>
        <translation>{kind} {doc_no} ({state})</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{role}，{date}：单击查看该单据的流水</source>
        <translation>{role}, {date}: click to see this document&apos;s movements</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>关联单据</source>
        <translation>Linked documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印单据…</source>
        <translation>Print document…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>预览并打印这张单据（出库单一式三联）</source>
        <translation>Preview and print this document (a dispatch slip prints in three copies)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>（无批号）</source>
        <translation>(no batch no.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只显示批次 {0} 的流水</source>
        <translation>Only lot {0}</translation>
    </message>
</context>
<context>
    <name>LinesDelegate</name>
    <message>
        <location filename="../../inventory_app/ui/widgets/lines_editor.py" line="+127"/>
        <source>（仓库所属单位）</source>
        <translation>(depot&apos;s owner)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>先到期先出（自动）</source>
        <translation>Earliest expiry first (automatic)</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <location line="+148"/>
        <source>添加行 (Insert)</source>
        <translation>Add Line (Insert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除行 (Delete)</source>
        <translation>Delete Line (Delete)</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>第 {row} 行「{column}」：{text}</source>
        <translation>Line {row}, {column}: {text}</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../inventory_app/ui/widgets/lines_common.py" line="+53"/>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批次</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>可用库存</source>
        <translation>Available</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>账面数量</source>
        <translation>Book qty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调整后</source>
        <translation>New qty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生产日期</source>
        <translation>Production date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有效期至</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>库位</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单价（元）</source>
        <translation>Unit price (CNY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金额（元）</source>
        <translation>Value (CNY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>权属单位</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不指定批次时，按先到期先出的原则自动分配</source>
        <translation>Without a batch, the earliest-expiring stock is allocated first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>先到期先出（自动）</source>
        <translation>Earliest expiry first (automatic)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>入库时已过有效期</source>
        <translation>Already expired when received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>共 {n} 行</source>
        <translation>Lines: {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>可用 {qty} {unit}</source>
        <translation>{qty} {unit} available</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合计 {totals}</source>
        <translation>Total {totals}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按生产日期和储存年限自动计算，可修改</source>
        <translation>Calculated from the production date and shelf life; can be changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无批号</source>
        <translation>No batch no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有效期不能早于生产日期</source>
        <translation>Expiry cannot be before the production date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本仓库没有该物资的库存批次</source>
        <translation>This depot has no lots of this item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生产日期不能晚于单据日期</source>
        <translation>Production date cannot be after the document date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>至 {date}</source>
        <translation>exp. {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请填写数量</source>
        <translation>Enter a quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请选择批次</source>
        <translation>Choose a lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请选择物资</source>
        <translation>Choose an item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调整后数量不能为负（账面 {book} {unit}）</source>
        <translation>Quantity after adjustment cannot be negative (book: {book} {unit})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金额 {money}</source>
        <translation>Value {money}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>默认为该物资的参考单价，可修改</source>
        <translation>Defaults to the item&apos;s reference price; can be changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（仓库所属单位）</source>
        <translation>(depot&apos;s owner)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（已过期）</source>
        <translation> (expired)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}以“{unit}”计，只能填整数</source>
        <translation>{name} is counted in &quot;{unit}&quot;: whole numbers only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}最多 {n} 位小数</source>
        <translation>{name}: at most {n} decimals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超过可用库存（共需 {asked} {unit}，可用 {have} {unit}）</source>
        <translation>More than available (needs {asked} {unit} in all, {have} {unit} available)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>另有 {qty} {unit} 已过期，不会自动出库；如确需发出，请指定批次</source>
        <translation>Another {qty} {unit} has expired and is not issued automatically; to ship it anyway, choose the lot</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>、</source>
        <extracomment>separator between the totals of different units: &quot;20 顶、5 套&quot;</extracomment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>LocationCombo</name>
    <message>
        <location filename="../../inventory_app/ui/widgets/depot_combo.py" line="+106"/>
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/location_dialog.py" line="+28"/>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>新建库位</source>
        <translation>New Location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>仓库</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>库位编码</source>
        <translation>Location code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如 A-01（货架）或 C-01（仓号）</source>
        <translation>e.g. A-01 (rack) or C-01 (store room)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如 A区01货架，可留空</source>
        <translation>e.g. Zone A rack 01; optional</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>请填写库位编码。</source>
        <translation>Enter the location code.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/login_dialog.py" line="+55"/>
        <source>登录 — 应急物资储备管理系统</source>
        <translation>Sign In — Relief Material Reserve Manager</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>应急物资储备管理系统</source>
        <translation>Relief Material Reserve Manager</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请输入用户名和密码</source>
        <translation>Enter your user name and password</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>数据库：{database}</source>
        <translation>Database: {database}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>更换数据库…</source>
        <translation>Switch database…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打开另一个数据库文件、新建数据库或连接 PostgreSQL 服务器</source>
        <translation>Open another database file, create a database or connect to a PostgreSQL server</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+90"/>
        <source>登录</source>
        <translation>Sign In</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>请输入用户名。</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>请输入密码。</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>请等待 {seconds} 秒</source>
        <translation>Wait {seconds} s</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="+322"/>
        <source>备份数据库</source>
        <translation>Back Up Database</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>应急物资储备管理系统 — {user} — {database}</source>
        <translation>Relief Material Reserve Manager — {user} — {database}</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>密码已修改。</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>SQLite 数据库 (*.sqlite3)</source>
        <translation>SQLite database (*.sqlite3)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>备份完成</source>
        <translation>Backup Complete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>数据库已备份到：
{path}</source>
        <translation>The database was backed up to:
{path}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>正在备份数据库…</source>
        <translation>Backing up the database…</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <location filename="../../inventory_app/ui/maintenance.py" line="+48"/>
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据库已从备份恢复。恢复前的数据库另存为：
{path}

请重新登录。</source>
        <translation>The database was restored from the backup. The database as it was before is kept as:
{path}

Please sign in again.</translation>
    </message>
</context>
<context>
    <name>MasterDataDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/masterdata_base.py" line="+62"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MasterDataPage</name>
    <message>
        <location filename="../../inventory_app/ui/pages/masterdata_base.py" line="+123"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../../inventory_app/ui/pages/users_page.py" line="+245"/>
        <source>请确认</source>
        <translation>Please Confirm</translation>
    </message>
</context>
<context>
    <name>NavModel</name>
    <message>
        <location filename="../../inventory_app/ui/widgets/nav_pane.py" line="+51"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>调拨指令</source>
        <translation>Allocation orders</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>演练</source>
        <translation>Drills</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>储备计划</source>
        <translation>Reserve plan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>盘点</source>
        <translation>Stocktakes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>仓库</source>
        <translation>Depots</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>物资目录</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>自治区级</source>
        <translation>Regional level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>市级</source>
        <translation>City level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>县级</source>
        <translation>County level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>乡镇级</source>
        <translation>Township level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>村级</source>
        <translation>Village level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>粮食承储库点</source>
        <translation>Grain storage points</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>{name}（{count}）</source>
        <translation>{name} ({count})</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/change_password_dialog.py" line="-49"/>
        <source>新密码至少 {count} 个字符。</source>
        <translation>The new password needs at least {count} characters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>正在保存密码…</source>
        <translation>Saving the password…</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/order_dialog.py" line="+64"/>
        <source>调拨指令</source>
        <translation>Allocation order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存指令</source>
        <translation>Save order</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>按建议填充</source>
        <translation>Fill from suggestion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>按就近、先到期先出的原则从各仓库可用库存中选来源，并显示车程是否达标</source>
        <translation>Pick sources from free stock, nearest depots and first-expiring lots first, and show whether the travel time meets the target</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>必填，如 海原县应急管理局</source>
        <translation>Required, e.g. Haiyuan County Emergency Management Bureau</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>调出方</source>
        <translation>Sending side</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>调入方</source>
        <translation>Receiving side</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>财政专项列支</source>
        <translation>Special budget</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>紧急调拨（可电话批准后先行出库）</source>
        <translation>Emergency (may ship on phone approval)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存后立即提交审批</source>
        <translation>Submit for approval when saved</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>依据申请</source>
        <translation>Answers request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>默认调出仓库</source>
        <translation>Default source depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>接收单位</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>送达地点</source>
        <translation>Deliver to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>接收人</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>接收人电话</source>
        <translation>Receiver phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发货联系人</source>
        <translation>Sender contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发货人电话</source>
        <translation>Sender phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>运费承担</source>
        <translation>Transport paid by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>指令日期</source>
        <translation>Order date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>调拨明细</source>
        <translation>Order lines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>每行可选不同的调出仓库；不指定批次时，批准时按先到期先出自动预留。超过可用库存的行标为黄色，批准时会被拒绝。</source>
        <translation>Each line may come from a different depot; without a lot, approval reserves first-expiring-first. Lines above the available stock are yellow and approval would refuse them.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>（无，直接下达）</source>
        <translation>(none, direct order)</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>请至少录入一行明细</source>
        <translation>Enter at least one line</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>请填写接收单位</source>
        <translation>Enter the receiving unit</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>已保存并提交审批：{doc_no}</source>
        <translation>Saved and submitted for approval: {doc_no}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已保存为草稿：{doc_no}</source>
        <translation>Saved as draft: {doc_no}</translation>
    </message>
</context>
<context>
    <name>OrderLinesDelegate</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/order_lines.py" line="+306"/>
        <source>先到期先出（自动）</source>
        <translation>First-expiring-first (automatic)</translation>
    </message>
</context>
<context>
    <name>OrderLinesEditor</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/order_lines_view.py" line="+52"/>
        <source>删除所选行</source>
        <translation>Delete selected line</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>共 {0} 行</source>
        <translation>{0} lines</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/order_lines.py" line="-182"/>
        <source>未选择物资</source>
        <translation>no item chosen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>未选择调出仓库</source>
        <translation>no source depot chosen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>第 {0} 行：{1}</source>
        <translation>Line {0}: {1}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>第 {0} 行：{1} 在该仓库可用 {2}</source>
        <translation>Line {0}: {1} available at that depot: {2}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调出仓库</source>
        <translation>Source depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批次</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>可用库存</source>
        <translation>Available</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>先到期先出（自动）</source>
        <translation>First-expiring-first (automatic)</translation>
    </message>
</context>
<context>
    <name>OrderStepDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/order_step_dialog.py" line="+101"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>短信</source>
        <translation>Text message</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>当面口头</source>
        <translation>In person (oral)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>请填写{0}</source>
        <translation>Please fill in: {0}</translation>
    </message>
</context>
<context>
    <name>OrderSuggest</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/order_suggest.py" line="+27"/>
        <source>{m} 分</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{h} 小时 {m} 分</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>需征得 {owners} 同意</source>
        <translation>Needs consent of {owners}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>✓ 达标</source>
        <translation>✓ Met</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✗ 超时</source>
        <translation>✗ Too late</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>申请行</source>
        <translation>Request line</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>调出仓库</source>
        <translation>Source depot</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>路程(公里)</source>
        <translation>Road (km)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>车程</source>
        <translation>Travel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>时限</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>权属</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>建议来源（{request}，送达 {place}，时限 {hours} 小时）：{verdict}</source>
        <translation>Suggested sources ({request}, to {place}, target {hours} h): {verdict}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>全部达标</source>
        <translation>all within the target</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} 处超时</source>
        <translation>{n} too late</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{item} 缺 {qty}</source>
        <translation>{item} short by {qty}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>库存不足：</source>
        <translation>Not enough stock: </translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../inventory_app/ui/pages/orders_actions.py" line="+86"/>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../inventory_app/ui/pages/orders_detail.py" line="+58"/>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>电话批准…</source>
        <translation>Phone approval…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>补办书面审批…</source>
        <translation>Written approval…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>驳回…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>作废…</source>
        <translation>Cancel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出库…</source>
        <translation>Ship…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>签收…</source>
        <translation>Signed for…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>完成</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回收…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>把草稿或被驳回的指令交给审批人</source>
        <translation>Hand a draft or rejected order to an approver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批准后按先到期先出的原则预留批次；不能批准自己经办的指令</source>
        <translation>Approval reserves lots first-expiring-first; nobody approves an order they handled</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>紧急调拨：记录口头/电话批准人和时间，可立即出库，48 小时内补办书面审批</source>
        <translation>Emergency: record who approved orally or by phone and when; ship at once, written approval within 48 h</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>登记电话批准后补来的书面审批文号</source>
        <translation>Record the reference of the written approval that followed a phone approval</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退回经办人修改，需填写原因</source>
        <translation>Send back to the handler for changes, with a reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尚未出库的指令可以作废，预留的库存随即释放</source>
        <translation>An order nothing has shipped on may be cancelled; its reservations are released</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>从本人保管的仓库开具出库单</source>
        <translation>Issue a dispatch slip from a depot you keep</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记接收单位的签收人和逐行实收数量，短少须说明原因</source>
        <translation>Record who signed at the receiving unit and what arrived, line by line; a short line needs a reason</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>使用后回收：完好和清洗消毒的重新入库，维修和报废的只登记</source>
        <translation>Goods back after use: good and cleaned goods re-enter stock, repair and scrap are only recorded</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>签收后结案；部分出库的指令可提前结案，未发的预留释放</source>
        <translation>Close after signing; a partly shipped order may be closed early, releasing what was not shipped</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>把调拨指令 {doc_no} 提交审批？</source>
        <translation>Submit allocation order {doc_no} for approval?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已提交：{doc_no}</source>
        <translation>Submitted: {doc_no}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批准调拨指令 {doc_no}？</source>
        <translation>Approve allocation order {doc_no}?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所有权单位同意人</source>
        <translation>Owner&apos;s consent by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>动用前置或代储物资时填写，如：市应急管理局 张科长（电话）</source>
        <translation>Needed for pre-positioned or held stock, e.g. City bureau, Chief Zhang (by phone)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已批准：{doc_no}，库存已按批次预留。</source>
        <translation>Approved: {doc_no}; stock is reserved by lot.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批准后，各调出仓库的保管员即可按指令出库。</source>
        <translation>Once approved, the keepers of the source depots can ship against the order.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>记录电话批准</source>
        <translation>Record phone approval</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紧急调拨指令 {doc_no}：记录口头批准</source>
        <translation>Emergency order {doc_no}: record the oral approval</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批准人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如 市应急管理局 张局长</source>
        <translation>e.g. Director Zhang, City Emergency Bureau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批准时间</source>
        <translation>Approved at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已记录电话批准：{doc_no}，可以出库。</source>
        <translation>Phone approval recorded: {doc_no}; it may ship now.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>书面审批须在批准时间起 48 小时内补办，首页会倒计时提醒。</source>
        <translation>The written approval is due within 48 hours of the approval; the home page counts down.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>调拨指令 {doc_no} 的书面审批已到：</source>
        <translation>The written approval of order {doc_no} has arrived:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>书面审批文号</source>
        <translation>Approval reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如 中应急〔2026〕31号</source>
        <translation>e.g. ZYJ [2026] No. 31</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已登记书面审批：{doc_no}</source>
        <translation>Written approval recorded: {doc_no}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>驳回调拨指令 {doc_no}？</source>
        <translation>Reject allocation order {doc_no}?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已驳回：{doc_no}</source>
        <translation>Rejected: {doc_no}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>作废调拨指令 {doc_no}？作废后不能恢复。</source>
        <translation>Cancel allocation order {doc_no}? This cannot be undone.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已作废：{doc_no}</source>
        <translation>Cancelled: {doc_no}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>把调拨指令 {doc_no} 结案？尚未出库的预留将释放。</source>
        <translation>Close allocation order {doc_no}? Reservations not shipped are released.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已完成：{doc_no}</source>
        <translation>Completed: {doc_no}</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/orders_columns.py" line="+44"/>
        <source>剩余 {h} 小时 {m} 分</source>
        <translation>{h} h {m} min left</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>已超时 {m} 分</source>
        <translation>{m} min overdue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已超时 {h} 小时</source>
        <translation>{h} h overdue</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>待补办</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已超时</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已补办</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+17"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>指令号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../inventory_app/ui/pages/orders_detail.py" line="-7"/>
        <source>接收单位</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../inventory_app/ui/pages/orders_detail.py" line="+5"/>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../inventory_app/ui/pages/orders_detail.py" line="+4"/>
        <source>书面审批</source>
        <translation>Written approval</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>行数</source>
        <translation>Lines</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../inventory_app/ui/pages/orders_detail.py" line="-5"/>
        <source>申请单号</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../inventory_app/ui/pages/orders_detail.py" line="+7"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>调出仓库</source>
        <translation>Source depot</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>调拨数量</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已预留</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已出库</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已回收</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>待回收</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>使用未满 12 个月（单帐篷 6 个月）的帐篷须回收</source>
        <translation>Tents used less than 12 months (single tents 6 months) must come back</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>状态变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>计算机</source>
        <translation>PC</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/orders_detail.py" line="-10"/>
        <source>送达地点</source>
        <translation>Deliver to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>接收人</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发货联系人</source>
        <translation>Sender contact</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>运费承担</source>
        <translation>Transport paid by</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>电话批准</source>
        <translation>Phone approval</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>出库单</source>
        <translation>Dispatch slips</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{status}，{due} 前（{left}）</source>
        <translation>{status}, by {due} ({left})</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>正在读取调拨指令…</source>
        <translation>Reading the order…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>选中一条调拨指令，这里显示它的明细和处理记录。</source>
        <translation>Select an order to see its lines and history here.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>调拨指令 {doc_no}（{state}）</source>
        <translation>Allocation order {doc_no} ({state})</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>调拨明细</source>
        <translation>Order lines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/orders_page.py" line="+157"/>
        <source>未结（进行中）</source>
        <translation>Open (in progress)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>正在查询…</source>
        <translation>Querying…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>共 {0} 条调拨指令</source>
        <translation>{0} orders</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>调拨指令 {0}</source>
        <translation>Allocation order {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>调拨申请 {0}</source>
        <translation>Allocation request {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>出库单 {0}</source>
        <translation>Dispatch slip {0}</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>状态：</source>
        <translation>State:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>只看紧急调拨</source>
        <translation>Emergency only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新建调拨申请…</source>
        <translation>New request…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新建调拨指令…</source>
        <translation>New order…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印单据</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>预览并打印这条调拨指令、它的申请或出库单</source>
        <translation>Preview and print this order, its request or its dispatch slips</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/contract_dialogs.py" line="+22"/>
        <source>登记付款（合同 {no}）</source>
        <translation>Record a payment (contract {no})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>元，如 500000.00</source>
        <translation>yuan, e.g. 500000.00</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>金额</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>凭证号</source>
        <translation>Voucher no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>付款日期</source>
        <translation>Paid on</translation>
    </message>
</context>
<context>
    <name>PlanAlerts</name>
    <message>
        <location filename="../../inventory_app/ui/pages/dashboard_plan.py" line="+67"/>
        <source>逾期未交货的采购合同 {count} 份：{named}</source>
        <translation>{count} purchase contract(s) past their delivery date: {named}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> 等</source>
        <translation> and more</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>轮换未轮入 {count} 笔，其中超过 4 个月 {overdue} 笔：{named}</source>
        <translation>{count} rotation(s) not yet rotated back in, {overdue} of them past 4 months: {named}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{days} 天内到期的协议储备 {count} 份：{named}</source>
        <translation>{count} agreement reserve(s) ending within {days} days: {named}</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../../inventory_app/ui/pages/plan_columns.py" line="+29"/>
        <location line="+59"/>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+59"/>
        <location line="+50"/>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+59"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+65"/>
        <location filename="../../inventory_app/ui/pages/plan_page.py" line="+227"/>
        <source>需储备</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+53"/>
        <location filename="../../inventory_app/ui/pages/plan_page.py" line="+0"/>
        <source>现有</source>
        <translation>Held</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>在途合同</source>
        <translation>On open contracts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>需购置</source>
        <translation>To buy</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../inventory_app/ui/pages/plan_page.py" line="+40"/>
        <source>单价</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>金额</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+35"/>
        <location filename="../../inventory_app/ui/pages/plan_page.py" line="-35"/>
        <source>可安置人数</source>
        <translation>Persons sheltered</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>协议储备（24小时）</source>
        <translation>Agreements (24 h)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>协议储备（72小时）</source>
        <translation>Agreements (72 h)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>产能储备（72小时）</source>
        <translation>Capacity (72 h)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+69"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已签合同</source>
        <translation>Contracted</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已到货</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>验收合格</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>拒收</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>计划金额</source>
        <translation>Planned amount</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+46"/>
        <source>验收金额</source>
        <translation>Accepted amount</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>合同号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>交货期限</source>
        <translation>Delivery due</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>合同金额</source>
        <translation>Contract amount</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>已付款</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>逾期未交货</source>
        <translation>Delivery overdue</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/plan_page.py" line="-68"/>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>尚未定义储备目标</source>
        <translation>No reserve target is defined yet</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{scope}：现有实物可安置 {covered} 人（目标 {target} 人），限制物资：{item}。</source>
        <translation>{scope}: the physical stock shelters {covered} persons (target {target}); limited by {item}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>协议储备另可增至：24 小时内 {h24} 人，72 小时内 {h72} 人（不计入实物）。</source>
        <translation>Agreement reserves could raise it to {h24} persons within 24 h and {h72} within 72 h (not counted as stock).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>现有与需储备</source>
        <translation>Held and required</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>现在</source>
        <translation>Now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按计划逐年保障能力</source>
        <translation>Coverage year by year as planned</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>年度预算 {years}。合计 {total}（{words}）。资金来源：{funding}。</source>
        <translation>Yearly budget {years}. Total {total} ({words}). Funded by {funding}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>年度上限 {ceiling}，超出年份：{years}。</source>
        <translation>Yearly ceiling {ceiling}; exceeded in {years}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>各年均不超过年度上限 {ceiling}。</source>
        <translation>Every year is within the yearly ceiling {ceiling}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{no} 第 {version} 版 {state}</source>
        <translation>{no} version {version} {state}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>批准人 {who}</source>
        <translation>approved by {who}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>按当前库存生成</source>
        <translation>Generated from current stock</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>储备目标：</source>
        <translation>Reserve target:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>定额：</source>
        <translation>Norms:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>方案：</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>需购置 = 定额 × 人数 − 现有实物 − 在途合同，按年度比例分摊</source>
        <translation>To buy = norm × persons − physical stock held − open contracts, spread over the years by the shares</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>保存为草稿</source>
        <translation>Save as Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修订</source>
        <translation>Revise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>购置计划</source>
        <translation>Purchase plan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>保障能力</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>执行进度</source>
        <translation>Execution</translation>
    </message>
</context>
<context>
    <name>PlanReportButton</name>
    <message>
        <location filename="../../inventory_app/ui/pages/plan_report_button.py" line="+47"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>保存报表</source>
        <translation>Save Report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</source>
        <translation>PDF file (*.pdf);;Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>年度购置计划…</source>
        <translation>Purchase Plan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计划执行情况…</source>
        <translation>Plan Execution…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保障能力报告…</source>
        <translation>Coverage Report…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年度储存情况报告…</source>
        <translation>Annual Storage Report…</translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/outbound_base.py" line="+71"/>
        <source>您没有可办理此业务的仓库。</source>
        <translation>You have no depot where you may post this.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>请选择仓库</source>
        <translation>Choose a depot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请至少录入一行明细</source>
        <translation>Enter at least one line</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/dialogs/posting_base.py" line="+35"/>
        <source>{done}：{doc_no}</source>
        <translation>{done}: {doc_no}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>…另有 {n} 处</source>
        <translation>…and {n} more</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请先更正以下内容：</source>
        <translation>Please correct the following first:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请确认</source>
        <translation>Please Confirm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>仍要提交吗？</source>
        <translation>Post anyway?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>仍然提交</source>
        <translation>Post Anyway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>返回修改</source>
        <translation>Go Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已录入 {n} 行明细，尚未保存。关闭后这些内容不会保存。</source>
        <translation>{n} lines entered and not saved yet. Closing discards them.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>放弃本单？</source>
        <translation>Discard This Document?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>放弃并关闭</source>
        <translation>Discard and Close</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>继续填写</source>
        <translation>Keep Editing</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>确认过账（Ctrl+Enter）</source>
        <translation>Post (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>PrintJobs</name>
    <message>
        <location filename="../../inventory_app/ui/print_jobs.py" line="+67"/>
        <source>库存（{0}）</source>
        <translation>Stock ({0})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>出入库台账</source>
        <translation>Stock ledger</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>仓库名录</source>
        <translation>Depot register</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>物资目录</source>
        <translation>Item catalogue</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>调拨指令一览</source>
        <translation>Allocation orders</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/print_preview_dialog.py" line="+47"/>
        <source>打印预览 - {0}</source>
        <translation>Print preview - {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>纸张：</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>针式打印连续纸 241×140 mm</source>
        <translation>Dot-matrix continuous form 241×140 mm</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>无法生成预览</source>
        <translation>Could not generate the preview</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>正在生成 PDF…</source>
        <translation>Generating the PDF…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>第 {0} 页 / 共 {1} 页</source>
        <translation>Page {0} of {1}</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>已发送打印：%n 页</source>
        <translation>
            <numerusform>Sent to the printer: %n page</numerusform>
            <numerusform>Sent to the printer: %n pages</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已取消打印</source>
        <translation>Printing cancelled</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>无法打印：{0}</source>
        <translation>Could not print: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已保存：{0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>无法写入文件：{0}</source>
        <translation>Could not write the file: {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>无法完成</source>
        <translation>Could Not Complete</translation>
    </message>
</context>
<context>
    <name>PrintReportButton</name>
    <message>
        <location filename="../../inventory_app/ui/widgets/print_button.py" line="+36"/>
        <source>打印报表…</source>
        <translation>Print report…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按当前筛选条件生成报表，预览后打印或另存为 PDF</source>
        <translation>Make a report with the current filters, preview it, then print it or save it as PDF</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/receive_dialog.py" line="+48"/>
        <source>入库单</source>
        <translation>Goods Receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确认入库</source>
        <translation>Post Receipt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>供货企业或送货单位</source>
        <translation>Supplier or delivering organisation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>如 ZWCG-2026-018</source>
        <translation>e.g. ZWCG-2026-018</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>仓库</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单据日期</source>
        <translation>Document date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合同或订单号</source>
        <translation>Contract/order no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>供应商/送货单位</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>入库明细</source>
        <translation>Receipt lines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>物资可输入名称、编码或拼音首字母（如 mzp）；有效期按生产日期和储存年限自动计算，可修改；Insert 添加行，Delete 删除行。</source>
        <translation>Find items by name, code or pinyin initials (e.g. mzp); the expiry is calculated from the production date and shelf life and can be changed; Insert adds a line, Delete removes one.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>您没有可办理入库的仓库。</source>
        <translation>You have no depot where you may receive goods.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+4"/>
        <source>请选择仓库</source>
        <translation>Choose a depot</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>请至少录入一行入库明细</source>
        <translation>Enter at least one receipt line</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/request_dialog.py" line="+58"/>
        <source>调拨申请</source>
        <translation>Allocation request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记申请</source>
        <translation>File request</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>必填，如 海原县应急管理局</source>
        <translation>Required, e.g. Haiyuan County Emergency Management Bureau</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>地震</source>
        <translation>Earthquake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>洪涝</source>
        <translation>Flood</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>干旱</source>
        <translation>Drought</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>风雹</source>
        <translation>Wind and hail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>低温冷冻和雪灾</source>
        <translation>Cold wave and snow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>山体滑坡、泥石流</source>
        <translation>Landslide, debris flow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>火灾</source>
        <translation>Fire</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> 人</source>
        <translation> persons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按定额生成</source>
        <translation>Fill from norms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>按物资目录中的定额（每顶帐篷住几人、每人/每顶几件）生成明细，生成后可修改</source>
        <translation>Fill the lines from the catalogue&apos;s norms (persons per tent, items per person or tent); you can edit them afterwards</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>如 海原县三河镇中心小学安置点</source>
        <translation>e.g. Sanhe Town Central School shelter, Haiyuan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>沙坡头区</source>
        <translation>Shapotou District</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>中宁县</source>
        <translation>Zhongning County</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>海原县</source>
        <translation>Haiyuan County</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>县级响应（6 小时内送达）</source>
        <translation>County response (deliver within 6 h)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>市级响应（8 小时内送达）</source>
        <translation>City response (deliver within 8 h)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>省级响应（10 小时内送达）</source>
        <translation>Provincial response (deliver within 10 h)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>先存为草稿</source>
        <translation>Save as draft</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>申请单位</source>
        <translation>Requesting unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>受理仓库</source>
        <translation>Handling depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>灾害类型</source>
        <translation>Disaster type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>转移安置人数</source>
        <translation>Displaced persons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置地点</source>
        <translation>Shelter site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所在县(区)</source>
        <translation>County (district)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>接收人</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>响应等级</source>
        <translation>Response level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申请日期</source>
        <translation>Request date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>申请明细</source>
        <translation>Requested items</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>填写人数后点“按定额生成”，再按实际需要增删改；在最后一行空行里可以添加物资。</source>
        <translation>Enter the persons and press “Fill from norms”, then adjust as needed; type a new item into the blank last line.</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+1"/>
        <source>请先填写转移安置人数</source>
        <translation>Enter the number of displaced persons first</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>物资目录中没有设定定额的物资，请手工填写明细。</source>
        <translation>No catalogue item has a norm; enter the lines by hand.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>请至少录入一行明细</source>
        <translation>Enter at least one line</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请选择受理仓库</source>
        <translation>Choose the handling depot</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>请填写申请单位</source>
        <translation>Enter the requesting unit</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>已登记调拨申请：{doc_no}
可在“调拨指令”页据此新建调拨指令。</source>
        <translation>Request filed: {doc_no}
You can answer it with a new order on the Allocation orders page.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/change_password_dialog.py" line="+51"/>
        <source>重置密码 — {user}</source>
        <translation>Reset Password — {user}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入新密码：</source>
        <translation>New password again:</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/restore_dialog.py" line="+43"/>
        <source>备份时间</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>流水条数</source>
        <translation>Movements</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>自动</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>手动</source>
        <translation>by hand</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>校验和</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>有</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>无（不能直接恢复）</source>
        <translation>none (cannot be restored as is)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+60"/>
        <source>从备份恢复</source>
        <translation>Restore from Backup</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>选择文件夹…</source>
        <translation>Choose Folder…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>恢复前会校验备份（校验和、完整性、账账相符），有问题的备份不会恢复。当前数据库另存在原位置旁边。恢复后请重新登录。</source>
        <translation>Before restoring, the backup is checked (checksum, integrity, ledger against balances); a backup with any problem is not restored. The current database is kept beside it. Sign in again after the restore.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>恢复所选备份</source>
        <translation>Restore Selected Backup</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>备份文件夹：{folder}</source>
        <translation>Backup folder: {folder}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>用 {when} 的备份替换当前数据库？当前数据库会另存一份。</source>
        <translation>Replace the current database with the backup of {when}? A copy of the current database is kept.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>正在校验并恢复备份…</source>
        <translation>Checking and restoring the backup…</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/return_dialog.py" line="+33"/>
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>实发</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已回收</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>待回收</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>完好</source>
        <translation>Good</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>清洗消毒</source>
        <translation>Cleaned</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>维修</source>
        <translation>Repair</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>报废</source>
        <translation>Scrap</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>回收 — {0}</source>
        <translation>Return — {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记回收</source>
        <translation>Record return</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>调拨指令</source>
        <translation>Allocation order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回收日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回收入库仓库</source>
        <translation>Back into depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>库位</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>回收明细（按状况分别填写数量）</source>
        <translation>Returned goods (quantities by condition)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>完好和清洗消毒的物资重新入库到所选仓库，保留原批号和有效期；维修和报废的只登记在回收单上。待回收：使用未满 12 个月的棉帐篷、未满 6 个月的单帐篷须回收。</source>
        <translation>Good and cleaned goods re-enter stock at the chosen depot with their batch and expiry; repair and scrap are only recorded on the return. Outstanding: cotton tents used less than 12 months and single tents less than 6 months must come back.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>这条调拨指令还没有出库，无物资可回收。</source>
        <translation>Nothing of this order has been shipped, so nothing can come back.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>请选择回收入库的仓库</source>
        <translation>Choose the depot taking the goods back</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>已登记回收单：{doc}
调拨指令：{order}</source>
        <translation>Return recorded: {doc}
Allocation order: {order}</translation>
    </message>
</context>
<context>
    <name>ReturnLinesModel</name>
    <message>
        <location line="-132"/>
        <source>第 {0} 行：</source>
        <translation>Line {0}: </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>回收合计 {0} 超过可回收数量 {1}</source>
        <translation>returned total {0} exceeds the {1} that can come back</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>请至少填写一行回收数量</source>
        <translation>Enter a returned quantity on at least one line</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/reverse_dialog.py" line="+59"/>
        <source>冲销</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确认冲销</source>
        <translation>Post Reversal</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>原单据</source>
        <translation>Original document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单据日期</source>
        <translation>Document date</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+86"/>
        <source>仓库</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>对方</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>经办人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>只冲销所选的这一行</source>
        <translation>Reverse only the selected line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>冲销整张单据</source>
        <translation>Reverse the whole document</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>必填：如 数量录错，应为 8 顶</source>
        <translation>Required: e.g. wrong quantity, should be 8 tents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>冲销原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>将被冲销的流水</source>
        <translation>Movements to be reversed</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>批号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>原数量</source>
        <translation>Original qty</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>冲销数量</source>
        <translation>Reversal qty</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已冲销</source>
        <translation>Reversed</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{doc_no}（{type}，{state}）</source>
        <translation>{doc_no} ({type}, {state})</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>正在读取单据…</source>
        <translation>Loading the document…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>冲销单不能再冲销。如有错误，请重新录入正确的单据。</source>
        <translation>A reversal cannot be reversed. If it was wrong, enter the correct document again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>该单据尚未过账，不能冲销。</source>
        <translation>This document is not posted yet and cannot be reversed.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>这一行已经冲销过了。</source>
        <translation>This line has already been reversed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>该单据已全部冲销。</source>
        <translation>This document has been fully reversed.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>冲销不会修改或删除原单据：原单据仍保留在台账中，系统另行生成一张冲销单（CX-…），按相反的数量抵消上表中的流水。冲销单过账后不能撤销。</source>
        <translation>A reversal does not change or delete the original document: it stays in the ledger, and a separate reversal note (CX-…) cancels the movements above with opposite quantities. A posted reversal cannot be undone.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>调拨单只能整单冲销：在途的调拨，货物退回调出仓库；已接收的调拨，调入仓库必须仍有这些货物。</source>
        <translation>A transfer can only be reversed as a whole: goods in transit go back to the sending depot; for a received transfer, the receiving depot must still hold the goods.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+1"/>
        <source>请填写冲销原因</source>
        <translation>Enter a reason for the reversal</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>已冲销：{doc_no}
原单据 {original} 保留在台账中，已被冲销。</source>
        <translation>Reversed: {doc_no}
The original document {original} stays in the ledger, marked as reversed.</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/first_run_pages.py" line="+58"/>
        <source>服务器地址：</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>端口：</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据库名：</source>
        <translation>Database name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>连接 PostgreSQL 服务器</source>
        <translation>Connect to a PostgreSQL Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请向系统管理员索取以下信息。</source>
        <translation>Ask your system administrator for the following.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>密码不会保存在本机设置中：下次启动时会再次询问，或由管理员用 PGPASSWORD / .pgpass 配置。</source>
        <translation>The password is not stored in this computer&apos;s settings: it is asked for again at the next start, or the administrator configures it with PGPASSWORD / .pgpass.</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/server_password_dialog.py" line="+24"/>
        <source>连接数据库服务器</source>
        <translation>Connect to Database Server</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>服务器 {host}:{port} 上的数据库 {database} 需要密码。</source>
        <translation>The database {database} on server {host}:{port} needs a password.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/settings_dialog.py" line="+38"/>
        <source>系统设置</source>
        <translation>System Settings</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>针式打印连续纸 241×140 mm</source>
        <translation>Dot-matrix continuous form 241×140 mm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>安置人口目标：</source>
        <translation>People to shelter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>道路系数：</source>
        <translation>Road factor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>货车平均时速：</source>
        <translation>Average truck speed:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>临期预警天数：</source>
        <translation>Near-expiry warning:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出库单纸张：</source>
        <translation>Dispatch slip paper:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>道路系数：实际道路里程约为直线距离的倍数（默认 1.3）。
临期预警：有效期在这么多天内的批次在首页和库存中标为临期。
出库单纸张：打印单据时默认的纸张，预览中仍可改选。</source>
        <translation>Road factor: road distance as a multiple of the straight-line distance (default 1.3).
Near-expiry warning: lots expiring within this many days are marked on the home and stock pages.
Dispatch slip paper: the paper documents print on by default; the preview can still change it.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>无法保存</source>
        <translation>Could Not Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>道路系数应在 {low} 到 {high} 之间。</source>
        <translation>The road factor must be between {low} and {high}.</translation>
    </message>
</context>
<context>
    <name>SetupGuide</name>
    <message>
        <location filename="../../inventory_app/ui/pages/dashboard_setup.py" line="+42"/>
        <source>1. 建立仓库</source>
        <translation>1. Create depots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本单位的储备库和储备点：名称、简称、级别、权属单位、地址。</source>
        <translation>Your reserve depots and points: name, short name, level, owner, address.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>打开仓库页</source>
        <translation>Open Depots</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>2. 添加库位</source>
        <translation>2. Add locations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>每个仓库的货架或区位，入库时选择，盘点时按库位打印。</source>
        <translation>Each depot&apos;s shelves or areas: chosen when receiving, printed per location for counts.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>3. 建立物资目录</source>
        <translation>3. Build the catalogue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>物资的编码、名称、规格、单位、储存年限和配备标准。</source>
        <translation>Item codes, names, specifications, units, storage life and norms.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打开物资目录</source>
        <translation>Open Catalogue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>4. 添加用户</source>
        <translation>4. Add users</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保管员（指定所管仓库）、审批人、审计员，各自登录。</source>
        <translation>Keepers (with their depots), approvers and auditors, each signing in.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打开用户页</source>
        <translation>Open Users</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>5. 录入期初库存</source>
        <translation>5. Enter opening stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>把现有库存按批次入库，之后的收发都记在台账上。</source>
        <translation>Receive the stock on hand batch by batch; every later movement is in the ledger.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>入库…</source>
        <translation>Receive…</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>开始使用：新数据库的设置步骤</source>
        <translation>Getting started: setting up a new database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>这是一个新的数据库。请按顺序完成以下几步，完成的步骤会打勾；录入期初库存后，本提示不再显示。</source>
        <translation>This is a new database. Complete these steps in order; each is ticked when done. Once opening stock is entered, this guide disappears.</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/ship_dialog.py" line="+36"/>
        <source>按调拨指令出库</source>
        <translation>Ship against an order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确认出库</source>
        <translation>Ship</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>如 中卫市应急运输保障车队</source>
        <translation>e.g. Zhongwei emergency transport fleet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>手机号</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>如 宁E·12345</source>
        <translation>e.g. 宁E·12345</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>调拨指令</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调出仓库</source>
        <translation>Source depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>承运单位</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出库日期</source>
        <translation>Ship date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>司机</source>
        <translation>Driver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>司机电话</source>
        <translation>Driver phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>车牌号</source>
        <translation>Plate no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>本次出库（默认全部待出库数量，可改小分批发运）</source>
        <translation>Ship now (all that is waiting by default; lower it to ship in batches)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>按批准时预留的批次出库（先到期先出）；出库后打印出库单一式三联，司机和接收人签字。</source>
        <translation>Ships the batches reserved at approval (earliest expiry first); then print the three-part dispatch slip for the driver and the receiver to sign.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>目前没有已批准、待出库的调拨指令。</source>
        <translation>No approved order is waiting to ship.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>这条调拨指令尚未批准或已出库完毕，不能出库。</source>
        <translation>This order is not approved or already fully shipped; it cannot ship.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>这条调拨指令在您保管的仓库没有待出库的物资。</source>
        <translation>This order has nothing waiting to ship at the depots you keep.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>请选择调出仓库</source>
        <translation>Choose the source depot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>没有填写车牌号，出库单上将空着。</source>
        <translation>No plate number: the slip will leave it blank.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>已开具出库单：{slip}
调拨指令：{order}
请打印出库单交司机和接收人签字。</source>
        <translation>Dispatch slip issued: {slip}
Order: {order}
Print the slip for the driver and the receiver to sign.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>打印出库单…</source>
        <translation>Print dispatch slip…</translation>
    </message>
</context>
<context>
    <name>ShipLinesModel</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/ship_lines.py" line="+41"/>
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调拨数量</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已出库</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待出库</source>
        <translation>To ship</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本次出库</source>
        <translation>Ship now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>第 {0} 行：本次出库超过待出库数量 {1}</source>
        <translation>Line {0}: more than the {1} waiting to ship</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>第 {0} 行：</source>
        <translation>Line {0}: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请至少填写一行本次出库数量</source>
        <translation>Enter a quantity to ship on at least one line</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/sign_dialog.py" line="+37"/>
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>实发</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>实收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>短少原因（实收少于实发时必填）</source>
        <translation>Reason for shortage (required when received &lt; shipped)</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>签收回执 — {0}</source>
        <translation>Receipt — {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确认签收</source>
        <translation>Sign for goods</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>必填，接收单位签收人姓名</source>
        <translation>Required: name of the person signing at the receiving unit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>签收人 *</source>
        <translation>Signed by *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>签收日期</source>
        <translation>Date signed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>签收明细（默认全部收到；实收少于实发时填写原因）</source>
        <translation>Lines (all received by default; give a reason when less arrived)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>签收后调拨指令变为已签收；短少的行连同原因记入签收回执，库存不再变动。签收回执可打印，由接收单位盖章。</source>
        <translation>After signing the order is Signed; short lines are kept on the receipt with their reason, stock does not change. The receipt can be printed and stamped by the receiving unit.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>这条调拨指令还没有出库，无需签收。</source>
        <translation>Nothing of this order has been shipped yet; there is nothing to sign for.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>请填写签收人</source>
        <translation>Enter who signed</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>已签收：{order}
签收回执：{receipt}</source>
        <translation>Signed: {order}
Receipt: {receipt}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>其中 {0} 行短少，已连同原因记入回执。</source>
        <translation>{0} line(s) short, recorded on the receipt with the reason.</translation>
    </message>
</context>
<context>
    <name>SignLinesModel</name>
    <message>
        <location line="-116"/>
        <source>第 {0} 行：</source>
        <translation>Line {0}: </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>实收不能多于实发 {0}</source>
        <translation>received cannot exceed the shipped {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>实收少于实发，请填写短少原因</source>
        <translation>less received than shipped; enter the reason for the shortage</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../inventory_app/ui/startup.py" line="+158"/>
        <source>正在准备演示数据库，约需 15 秒…</source>
        <translation>Preparing the demo database, about 15 seconds…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>无法连接数据库</source>
        <translation>Cannot Connect to the Database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数据库：{database}</source>
        <translation>Database: {database}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>选择其他数据库…</source>
        <translation>Choose Another Database…</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>无法打开数据库</source>
        <translation>Cannot Open the Database</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>数据库已升级到本版本程序使用的格式。</source>
        <translation>The database was upgraded to the format this version uses.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>升级前的数据库另存为：
{path}</source>
        <translation>The database as it was before the upgrade is kept as:
{path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>数据库已升级</source>
        <translation>Database Upgraded</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>密码不正确，请重新输入。</source>
        <translation>Wrong password; please try again.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>演示数据库的账户：admin（管理员）、keeper_city（市级库保管员）、keeper_haiyuan（海原县保管员）等，密码均为 demo1234。</source>
        <translation>Demo accounts: admin (administrator), keeper_city (city depot keeper), keeper_haiyuan (Haiyuan County keeper) and others; the password is demo1234 for all.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../inventory_app/ui/status_bar.py" line="+92"/>
        <source>数据库：{database}</source>
        <translation>Database: {database}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>用户：{user}</source>
        <translation>User: {user}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>数据库连接中断</source>
        <translation>Database Connection Lost</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>没有待接收的调拨</source>
        <translation>No transfers waiting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>待接收调拨：{count} 张</source>
        <translation>Transfers to receive: {count}</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_columns.py" line="+38"/>
        <source>按批次</source>
        <translation>By Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按物资</source>
        <translation>By Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按仓库</source>
        <translation>By Depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按类别</source>
        <translation>By Category</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>自治区级</source>
        <translation>Regional level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>市级</source>
        <translation>City level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>县级</source>
        <translation>County level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>乡镇级</source>
        <translation>Township level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>村级</source>
        <translation>Village level</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>实物储备</source>
        <translation>Physical reserve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>协议储备</source>
        <translation>Agreement reserve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>产能储备</source>
        <translation>Capacity reserve</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../inventory_app/ui/pages/stock_footer.py" line="+87"/>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30 天内到期</source>
        <translation>Within 30 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>90 天内到期</source>
        <translation>Within 90 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>180 天内到期</source>
        <translation>Within 180 days</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+125"/>
        <source>仓库</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+64"/>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <location line="-126"/>
        <location line="+131"/>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <location line="-124"/>
        <location line="+129"/>
        <source>规格</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>批号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>库位</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>生产日期</source>
        <translation>Production date</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>入库日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>有效期至</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+124"/>
        <source>在库</source>
        <translation>On hand</translation>
    </message>
    <message>
        <location line="-117"/>
        <location line="+123"/>
        <source>预留</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <location line="-116"/>
        <location line="+122"/>
        <source>可用</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_category_columns.py" line="+50"/>
        <location filename="../../inventory_app/ui/pages/stock_columns.py" line="-115"/>
        <location line="+128"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_columns.py" line="-96"/>
        <source>单价</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_category_columns.py" line="+3"/>
        <location filename="../../inventory_app/ui/pages/stock_columns.py" line="+7"/>
        <location line="+92"/>
        <source>金额</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_columns.py" line="-85"/>
        <source>权属单位</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}（{level}）</source>
        <translation>{name} ({level})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>承储单位</source>
        <translation>Custodian</translation>
    </message>
    <message>
        <location line="+37"/>
        <location filename="../../inventory_app/ui/pages/stock_filters.py" line="+136"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_category_columns.py" line="-20"/>
        <location filename="../../inventory_app/ui/pages/stock_columns.py" line="+5"/>
        <source>批次数</source>
        <translation>Lots</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_columns.py" line="+24"/>
        <source>在途</source>
        <translation>In transit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已由其他仓库调出、尚未签收入库</source>
        <translation>Sent by another depot, not yet received</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>最近到期</source>
        <translation>Next expiry</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_category_columns.py" line="-16"/>
        <source>类别编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>类别名称</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>物资种数</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>在库数量</source>
        <translation>On hand</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>单位不同的物资分别计数，不相加：{list}</source>
        <translation>Items in different units are counted separately, never added: {list}</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_columns.py" line="-216"/>
        <source>无有效期</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已过期 {0} 天</source>
        <translation>Expired {0} day(s) ago</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还有 {0} 天到期</source>
        <translation>Expires in {0} day(s)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_page.py" line="+209"/>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+49"/>
        <source>正在查询库存…</source>
        <translation>Searching stock…</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>正在统计过期批次…</source>
        <translation>Counting expired lots…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_filters.py" line="-31"/>
        <source>全部仓库</source>
        <translation>All depots</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}（已停用）</source>
        <translation>{0} (inactive)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_footer.py" line="-45"/>
        <source>共 {0} 个批次</source>
        <translation>Lots: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>，其中已过期 {0} 个，{1} 天内到期 {2} 个</source>
        <translation>, of which {0} expired and {2} expire within {1} days</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>，没有已过期或 {0} 天内到期的批次</source>
        <translation>, none expired or expiring within {0} days</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>共 {0} 种物资，金额合计 {1}</source>
        <translation>Items: {0}, total value {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} 个仓库共 {1} 行，金额合计 {2}</source>
        <translation>Depots: {0}, rows: {1}, total value {2}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>共 {0} 个类别，金额合计 {1}</source>
        <translation>Categories: {0}, total value {1}</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_page.py" line="+93"/>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>库存（{view}）</source>
        <translation>Stock ({view})</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新读取库存（F5）</source>
        <translation>Reload the stock (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>把当前视图按当前筛选条件全部导出</source>
        <translation>Export the whole current view with the current filters</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_filters.py" line="+9"/>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>名称、编码、拼音首字母或批号</source>
        <translation>Name, code, pinyin initials or batch no.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>例如：棉帐篷、050101、mzp（棉帐篷的拼音首字母）或批号</source>
        <translation>e.g. 棉帐篷, 050101, mzp (pinyin initials of 棉帐篷) or a batch no.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>仓库(&amp;D)</source>
        <translation>&amp;Depot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>有效期</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“N 天内到期”也包括已过期的批次</source>
        <translation>&quot;Within N days&quot; includes lots already expired</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>储备方式</source>
        <translation>Reserve type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>权属级别</source>
        <translation>Owner level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>清除筛选</source>
        <translation>Clear Filters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_footer.py" line="+24"/>
        <source>颜色：</source>
        <translation>Colours:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} 天内到期</source>
        <translation>Expiring within {0} days</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../inventory_app/ui/tasks.py" line="+197"/>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/transfer_dialog.py" line="+25"/>
        <source>调拨单（发出）</source>
        <translation>Transfer (Send)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确认调出</source>
        <translation>Post Transfer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>调拨指令号或审批依据</source>
        <translation>Transfer order no. or approval reference</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>调出仓库</source>
        <translation>From depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单据日期</source>
        <translation>Document date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调入仓库</source>
        <translation>To depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调拨指令号/依据</source>
        <translation>Order no./reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>调拨明细</source>
        <translation>Transfer lines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>调出后货物处于“在途”状态，由调入仓库的保管员在“调拨接收”中确认入库。不指定批次时按先到期先出自动分配。</source>
        <translation>Once sent, the goods are in transit until the receiving depot&apos;s keeper confirms them under “Receive transfer”. Without a batch, the earliest-expiring stock is allocated first.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>已调出：{doc_no}
在途，待调入仓库“{depot}”接收。</source>
        <translation>Sent: {doc_no}
In transit, waiting for “{depot}” to receive it.</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>请选择调入仓库</source>
        <translation>Choose the receiving depot</translation>
    </message>
</context>
<context>
    <name>TransferReceiveDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/transfer_receive_dialog.py" line="+46"/>
        <source>调拨单号</source>
        <translation>Transfer no.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>发出日期</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>调出仓库</source>
        <translation>From depot</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>调入仓库</source>
        <translation>To depot</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>依据</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>经办人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>调拨明细（默认全部收到；短少或损坏时改写实收并填写原因）</source>
        <translation>Transfer lines (all received by default; for a shortage or damage, change Received and give the reason)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>接收后货物记入调入仓库库存，批号、生产日期和有效期沿用调出批次；短少或损坏的数量作为途损调整记账，并与本调拨单关联。</source>
        <translation>Received goods join the receiving depot&apos;s stock with the sending batch&apos;s number, production and expiry dates; a shortage or damage is booked as a transit-loss adjustment linked to this transfer.</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>其中 {0} 行短少或损坏，已作为途损调整记账。</source>
        <translation>{0} line(s) short or damaged, booked as a transit-loss adjustment.</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>调拨接收</source>
        <translation>Receive Transfer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确认接收</source>
        <translation>Post Receipt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>目前没有发往您仓库的在途调拨单。调出仓库发出调拨后，会出现在这里。</source>
        <translation>No transfers are on their way to your depots. They appear here once the sending depot has sent them.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>接收库位</source>
        <translation>Receiving location</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>接收日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>待接收的调拨单</source>
        <translation>Transfers waiting for receipt</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>请选择要接收的调拨单</source>
        <translation>Choose the transfer to receive</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>已接收：{doc_no}
货物已记入“{depot}”库存。</source>
        <translation>Received: {doc_no}
The goods were added to the stock of &quot;{depot}&quot;.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/dialogs/transfer_receive_lines.py" line="+65"/>
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>批号</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>发出</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>实收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>短少或损坏原因（实收少于发出时必填）</source>
        <translation>Reason for shortage or damage (required when less arrived)</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/user_dialog.py" line="+42"/>
        <source>新建用户</source>
        <translation>New User</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>修改用户 — {user}</source>
        <translation>Edit User — {user}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名：</source>
        <translation>Display name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>初始密码：</source>
        <translation>Initial password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>负责仓库：</source>
        <translation>Depots:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>保管员只能操作勾选的仓库。</source>
        <translation>A keeper can work only in the ticked depots.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>该角色可查看所有仓库；勾选的仓库仅作记录。</source>
        <translation>This role sees every depot; ticked depots are only recorded.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>请输入用户名。</source>
        <translation>Please enter a user name.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>初始密码至少 {count} 个字符。</source>
        <translation>The initial password needs at least {count} characters.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>正在保存用户…</source>
        <translation>Saving the user…</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../inventory_app/ui/pages/users_page.py" line="-202"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>姓名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>负责仓库</source>
        <translation>Depots</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>（登录锁定至 {time}）</source>
        <translation> (sign-in locked until {time})</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>以下电脑因密码错误次数过多暂停登录：{hosts}</source>
        <translation>Sign-in is paused on these PCs after too many wrong passwords: {hosts}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>启用</source>
        <comment>button</comment>
        <translation>Activate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>停用</source>
        <comment>button</comment>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>停用用户“{user}”？停用后不能再登录，业务记录保留。</source>
        <translation>Deactivate user “{user}”? They can no longer sign in; their records stay.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新建用户…</source>
        <translation>New User…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改角色和仓库…</source>
        <translation>Edit Role and Depots…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重置密码…</source>
        <translation>Reset Password…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>解除登录锁定</source>
        <translation>Lift sign-in lock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>解除电脑锁定</source>
        <translation>Lift PC locks</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/verify_dialog.py" line="+38"/>
        <source>数据校验结果</source>
        <translation>Consistency check</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>校验通过：账账相符。</source>
        <translation>Check passed: the books agree.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>发现 {n} 处不一致，请保留本结果并联系管理员。</source>
        <translation>{n} inconsistencies found. Keep this result and contact the administrator.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已核对 {movements:,} 条流水、{lots:,} 个批次、{documents:,} 张单据：每个批次和每个仓库的结存等于台账流水之和，预留、冲销、单据关联和编号连续。
数据库：{database}&#x3000;校验时间：{at:%Y-%m-%d %H:%M}
总校验码：{anchor}（报表页脚印有同一代码；各仓库的账链校验码见下，请另行保存）</source>
        <translation>Checked {movements:,} movements, {lots:,} lots and {documents:,} documents: every lot&apos;s and depot&apos;s balance equals the sum of its ledger movements; reservations, reversals, document links and numbering are consistent.
Database: {database}  Checked at: {at:%Y-%m-%d %H:%M}
Combined code: {anchor} (printed in report footers; each depot&apos;s chain head is listed below: keep a copy elsewhere)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>复制结果</source>
        <translation>Copy result</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>正在校验数据…</source>
        <translation>Checking the data…</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../inventory_app/ui/window_actions.py" line="+174"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>业务(&amp;B)</source>
        <translation>&amp;Operations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>入库</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>登记到货入库，打印入库单</source>
        <translation>Record goods received and print the goods receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出库</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>按调拨指令发放物资，打印出库单</source>
        <translation>Issue goods on a dispatch order and print the issue note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调拨</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>把物资调往另一个仓库（发出）</source>
        <translation>Send goods to another depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调拨接收</source>
        <translation>Receive Transfer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>接收调入本库的在途物资</source>
        <translation>Receive goods in transit to this depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调整</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>盘点差异等库存调整</source>
        <translation>Stock adjustments such as count differences</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>冲销</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>冲销一笔录错的单据</source>
        <translation>Reverse a document entered by mistake</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>调拨申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记受灾地区的调拨申请，可按人数和定额生成明细</source>
        <translation>File a request from an affected area; lines can be filled from persons and norms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>调拨指令</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>下达调拨指令：从哪些仓库、调给谁、多少</source>
        <translation>Issue an allocation order: from which depots, to whom, how much</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>指令出库</source>
        <translation>Ship order</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>按已批准的调拨指令开具出库单</source>
        <translation>Issue a dispatch slip against an approved order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>重新读取当前页面的数据</source>
        <translation>Reload the data of the current page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备份数据库…</source>
        <translation>Back Up Database…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>把数据库备份到一个文件</source>
        <translation>Back up the database to a file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数据校验（账账相符）</source>
        <translation>Consistency check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>核对每个批次和仓库的结存与台账流水是否一致</source>
        <translation>Check that every lot&apos;s and depot&apos;s balance agrees with the ledger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>修改密码…</source>
        <translation>Change Password…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>修改您自己的登录密码</source>
        <translation>Change your own sign-in password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>切换用户…</source>
        <translation>Switch User…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退出当前用户，换另一个用户登录（不关闭程序）</source>
        <translation>Sign out and let another user sign in (the program stays open)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>关闭程序</source>
        <translation>Close the program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>系统设置…</source>
        <translation>System Settings…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>人口目标、道路系数、车速、临期天数</source>
        <translation>Population target, road factor, truck speed, near-expiry days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>版本、数据库、数据目录和许可</source>
        <translation>Version, database, data folder and licences</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>从备份恢复…</source>
        <translation>Restore from Backup…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>校验并恢复一份备份，当前数据库另存</source>
        <translation>Check and restore a backup; the current database is kept</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>自动备份设置…</source>
        <translation>Automatic Backups…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自动备份的文件夹和保留份数</source>
        <translation>Folder of the automatic backups and how many are kept</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打开日志文件夹</source>
        <translation>Open Log Folder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>出错时把日志文件发给技术支持</source>
        <translation>Send the log file to support when something goes wrong</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>业务工具栏</source>
        <translation>Operations toolbar</translation>
    </message>
</context>
<context>
    <name>WorkPanels</name>
    <message>
        <location filename="../../inventory_app/ui/pages/dashboard_work.py" line="+187"/>
        <source>待审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>双击报废申请进行审批，双击调拨指令打开该指令</source>
        <translation>Double-click a write-off to decide it, an order to open it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有等待审批的报废申请或调拨指令</source>
        <translation>No write-offs or orders awaiting approval</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理…</source>
        <translation>Handle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已发出、在途的调拨</source>
        <translation>Transfers sent, still in transit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>超过 {days} 天未接收的标为黄色</source>
        <translation>Amber when not received after {days} days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>没有在途的调拨</source>
        <translation>No transfers in transit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本库报废申请</source>
        <translation>Write-off requests of my depots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最近 10 条及其审批结果</source>
        <translation>Latest 10 with their outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暂无报废申请</source>
        <translation>No write-off requests</translation>
    </message>
</context>
<context>
    <name>WriteoffButton</name>
    <message>
        <location filename="../../inventory_app/ui/pages/stock_writeoff.py" line="+55"/>
        <source>报废申请…</source>
        <translation>Request write-off…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>为选中的批次（如已过期）申请报废，经审批后核销</source>
        <translation>Request a write-off of the selected lot (e.g. expired); it is posted once approved</translation>
    </message>
</context>
<context>
    <name>WriteoffDecideDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/writeoff_decide_dialog.py" line="+40"/>
        <source>审批报废申请</source>
        <translation>Decide write-off request</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{doc_no}&#x3000;{depot}&#x3000;{lines} 行&#x3000;申请人 {user}&#x3000;日期 {date}</source>
        <translation>{doc_no}  {depot}  {lines} line(s)  requested by {user}  on {date}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>驳回时必填</source>
        <translation>Required when rejecting</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>批准报废</source>
        <translation>Approve write-off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>驳回…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>报废单</source>
        <translation>Write-off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>报废原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审批意见</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>驳回须填写理由</source>
        <translation>A rejection needs a reason</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>正在办理…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>WriteoffDialog</name>
    <message>
        <location filename="../../inventory_app/ui/dialogs/writeoff_dialog.py" line="+28"/>
        <source>报废申请</source>
        <translation>Write-off request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提交申请</source>
        <translation>Submit request</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{item} {name}（{depot}，批号 {batch}，有效期至 {expiry}）</source>
        <translation>{item} {name} ({depot}, batch {batch}, expires {expiry})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>可用 {qty} {unit}</source>
        <translation>{qty} {unit} available</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>超过有效期</source>
        <translation>Past expiry date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>破损</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>霉变、污损</source>
        <translation>Mould or soiling</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>鼠咬虫蛀</source>
        <translation>Rodent or insect damage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>必填：选择或输入报废原因</source>
        <translation>Required: choose or type the reason</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>批次</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>报废数量（{unit}）</source>
        <translation>Quantity ({unit})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>报废原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>提交后该数量即被预留，不能再出库；审批人批准后才从账面核销，驳回则释放。</source>
        <translation>Once submitted the quantity is reserved and cannot be shipped; it leaves the books when approved and is released if rejected.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>超过该批次可用数量 {qty} {unit}</source>
        <translation>More than the {qty} {unit} available in this lot</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>请填写报废原因</source>
        <translation>Please enter the reason</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>报废申请 {doc_no} 已提交，等待审批。</source>
        <translation>Write-off request {doc_no} submitted, awaiting approval.</translation>
    </message>
</context>
<context>
    <name>_ProgressDialog</name>
    <message>
        <location filename="../../inventory_app/ui/tasks.py" line="-100"/>
        <source>请稍候</source>
        <translation>Please Wait</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
</TS>

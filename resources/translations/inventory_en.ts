<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../inventory_app/ui/crash.py" line="+77"/>
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
        <location line="+21"/>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../inventory_app/ui/tasks.py" line="+195"/>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>_ProgressDialog</name>
    <message>
        <location line="-98"/>
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

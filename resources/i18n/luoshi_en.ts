<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Application</name>
    <message>
        <location filename="../../desktop/app.py" line="95" />
        <location filename="../../desktop/app.py" line="106" />
        <location filename="../../desktop/app.py" line="134" />
        <location filename="../../desktop/app.py" line="153" />
        <location filename="../../desktop/app.py" line="160" />
        <location filename="../../desktop/app.py" line="171" />
        <location filename="../../desktop/app.py" line="210" />
        <location filename="../../desktop/app.py" line="243" />
        <location filename="../../desktop/app.py" line="255" />
        <source>落实台账</source>
        <translation>Luoshi Ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="96" />
        <source>自动备份失败：%s
数据本身未受影响，请稍后用“文件 → 备份数据”手动备份。</source>
        <translation>Automatic backup failed: %s
Your data is not affected. Please back up later with File → Back up data.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="107" />
        <source>自动备份已完成，但有提示：</source>
        <translation>The automatic backup was made, with these notes:</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="142" />
        <source>落实台账已经在使用数据目录 %s。
请切换到已打开的窗口，不要重复启动。</source>
        <translation>Luoshi Ledger is already using the data folder %s.
Please switch to the open window instead of starting it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="149" />
        <source>落实台账已经在使用数据目录 %s，不能在这里恢复备份。
请在已打开的窗口中使用 文件 &gt; 恢复备份，选择“%s”。</source>
        <translation>Luoshi Ledger is already using the data folder %s, so the backup cannot be restored here.
In the open window use File &gt; Restore backup and choose “%s”.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="172" />
        <source>示例数据未能导入：%s</source>
        <translation>The sample data could not be imported: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="214" />
        <source>从备份恢复…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="217" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="224" />
        <source>选择要恢复的备份文件</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="226" />
        <source>落实台账备份 (*.lsbak);;所有文件 (*)</source>
        <translation>Luoshi Ledger backups (*.lsbak);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="236" />
        <source>损坏的数据文件会先复制到 backups 文件夹保存。确定恢复吗？</source>
        <translation>The damaged data file will first be copied to the backups folder. Restore now?</translation>
    </message>
</context>
<context>
    <name>ArchivedDialog</name>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="170" />
        <source>已归档措施 — %s</source>
        <translation>Archived measures — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="178" />
        <source>以下 %d 项措施在新版本中已删去。它们的进展和佐证材料原样保存，仍出现在当时季度的报告中；这里只能查看，不能修改。</source>
        <translation>These %d measures were removed by a later version. Their progress and evidence are kept as they were and still appear in the reports of their quarters; here they can be read, not changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="184" />
        <source>这个计划还没有归档的措施：历次更新都没有删去措施。</source>
        <translation>This plan has no archived measures: no update has removed any.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="187" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="188" />
        <source>措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="189" />
        <source>最后所在版本</source>
        <translation>Last version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="190" />
        <source>归档时间</source>
        <translation>Archived on</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="191" />
        <source>已填进展</source>
        <translation>Quarters reported</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="192" />
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="217" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="242" />
        <source>所属部分：</source>
        <translation>Section: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="243" />
        <source>牵头单位：</source>
        <translation>Lead units: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="244" />
        <source>责任单位：</source>
        <translation>Responsible units: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="245" />
        <source>完成时限：</source>
        <translation>Deadline: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="246" />
        <source>归档时状态：</source>
        <translation>Status when archived: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="247" />
        <source>佐证材料：</source>
        <translation>Evidence: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="247" />
        <source>%d 份</source>
        <translation>%d file(s)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="252" />
        <source>归档：</source>
        <translation>Archived: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="260" />
        <source>各季度进展</source>
        <translation>Progress by quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="270" />
        <source>归档前没有填报过进展。</source>
        <translation>No progress was reported before it was archived.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../desktop/ui/audit_dialog.py" line="98" />
        <source>操作日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_dialog.py" line="107" />
        <source>输入文字筛选：操作人、操作、措施编号、内容…</source>
        <translation>Type to filter: author, action, measure, content…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_dialog.py" line="122" />
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_dialog.py" line="149" />
        <source>共 %d 条记录</source>
        <translation>%d entries</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_dialog.py" line="151" />
        <source>显示 %d 条，共 %d 条记录</source>
        <translation>Showing %d of %d entries</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_dialog.py" line="155" />
        <source>导出操作日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_dialog.py" line="155" />
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_dialog.py" line="168" />
        <source>已导出 %d 条记录到 %s</source>
        <translation>Exported %d entries to %s</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <location filename="../../desktop/ui/tasks.py" line="98" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks.py" line="99" />
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="40" />
        <source>备份数据(&amp;B)…</source>
        <translation>&amp;Back up…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="41" />
        <source>把数据库和全部佐证材料备份到一个文件（可存到U盘）</source>
        <translation>Back up the database and all evidence into one file (e.g. on a USB stick)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="43" />
        <source>恢复备份(&amp;R)…</source>
        <translation>Res&amp;tore backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="45" />
        <source>校验佐证材料(&amp;V)</source>
        <translation>&amp;Verify evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="47" />
        <source>操作日志(&amp;L)…</source>
        <translation>Audit &amp;log…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="49" />
        <source>第二备份位置(&amp;M)…</source>
        <translation>Second backup &amp;location…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="51" />
        <source>每次备份（含退出时的自动备份）再复制一份到U盘或网络文件夹</source>
        <translation>Copy every backup (including the automatic one at exit) to a USB stick or network folder as well</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="71" />
        <source>备份数据</source>
        <translation>Back up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="71" />
        <source>落实台账备份 (*.lsbak)</source>
        <translation>Luoshi Ledger backups (*.lsbak)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="83" />
        <source>已备份到 %s（%.1f MB），已校验无误</source>
        <translation>Backed up to %s (%.1f MB) and verified</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="85" />
        <source>；另存一份到 %s</source>
        <translation>; a copy is also in %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="89" />
        <source>备份完成，但有提示</source>
        <translation>Backup done, with warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="92" />
        <source>正在备份数据…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="93" />
        <source>已取消备份</source>
        <translation>Backup cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="99" />
        <source>选择要恢复的备份文件</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="99" />
        <source>落实台账备份 (*.lsbak);;所有文件 (*)</source>
        <translation>Luoshi Ledger backups (*.lsbak);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="117" />
        <source>恢复将用该备份替换当前全部数据（当前数据会先自动备份到数据目录的 backups 文件夹）。</source>
        <translation>Restoring replaces all current data with this backup (the current data is first backed up into the backups folder).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="119" />
        <source>确定恢复吗？</source>
        <translation>Restore now?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="139" />
        <source>已恢复 %s 的备份：%d 个计划，%d 项措施</source>
        <translation>Restored the backup of %s: %d plans, %d measures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="149" />
        <source>已恢复备份，但部分佐证材料未能恢复</source>
        <translation>Backup restored, but some evidence files could not be restored</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="162" />
        <source>已取消恢复，数据未改变</source>
        <translation>Restore cancelled; nothing was changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="164" />
        <source>正在恢复备份…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="181" />
        <source>以后每次备份都会另存一份到 %s</source>
        <translation>From now on every backup is also copied to %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="183" />
        <source>已停止复制到第二备份位置</source>
        <translation>Backups are no longer copied to a second location</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="202" />
        <source>校验佐证材料</source>
        <translation>Verify evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="206" />
        <source>校验佐证材料：发现问题</source>
        <translation>Verify evidence: problems found</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="213" />
        <source>正在校验佐证材料…</source>
        <translation>Verifying evidence…</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../desktop/ui/commands.py" line="34" />
        <source>状态改为“%s”</source>
        <translation>status set to “%s”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="62" />
        <source>修改季度进展</source>
        <translation>quarterly progress edit</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="88" />
        <source>打印督办单…</source>
        <translation>Print supervision notices…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="89" />
        <source>为每个牵头单位生成一页督办单，列出其红灯和黄灯措施</source>
        <translation>One notice per lead unit listing its red and yellow measures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="105" />
        <source>措施总数</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="110" />
        <source>已过完成时限仍未完成</source>
        <translation>Past the deadline and not done</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="113" />
        <source>黄灯（临期或进展滞后）</source>
        <translation>Yellow (due soon or lagging)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="115" />
        <source>临近完成时限；或长期任务本季度过半仍未填报进展</source>
        <translation>Deadline near; or a long-running measure with no progress entered this quarter after its middle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="117" />
        <source>绿灯（正常）</source>
        <translation>Green (on track)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="119" />
        <source>未完成、未暂缓且本季度还没有进展的措施</source>
        <translation>Measures neither done nor suspended that have no progress for this quarter yet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="125" />
        <source>按警示灯</source>
        <translation>By warning light</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="173" />
        <source>双击或回车打开这项措施</source>
        <translation>Double-click or press Enter to open the measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="182" />
        <source>%s 工作总览</source>
        <translation>Overview for %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="200" />
        <source>逾期措施（%d）</source>
        <translation>Overdue (%d)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="201" />
        <source>即将到期（%d）</source>
        <translation>Due soon (%d)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="225" />
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="259" />
        <source>等</source>
        <translation> etc.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="260" />
        <source>“%s”是泛指多个单位的写法，未计入上图。</source>
        <translation>“%s” stand for many offices at once and are not counted in the chart above.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="262" />
        <source>%s：%d 项</source>
        <translation>%s: %d</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="279" />
        <source>  〔%s〕</source>
        <translation>  [%s]</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="110" />
        <source>红灯（逾期）</source>
        <translation>Red (overdue)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="119" />
        <source>本季度未填报</source>
        <translation>No progress this quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="168" />
        <source>逾期措施</source>
        <translation>Overdue measures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="169" />
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="188" />
        <source>截至季度末（%s）统计，与季度报告一致；台账页显示的是当前状态。</source>
        <translation>Figures as of the end of the quarter (%s), as in its quarterly report; the ledger tab shows today's statuses.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="202" />
        <source>没有逾期措施</source>
        <translation>No overdue measures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="203" />
        <source>近期没有到期措施</source>
        <translation>Nothing due soon</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="124" />
        <location filename="../../desktop/ui/dashboard.py" line="218" />
        <source>按落实状态</source>
        <translation>By status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="226" />
        <source>未完成</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="227" />
        <source>其中逾期</source>
        <translation>of which overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="240" />
        <source>各单位落实情况（措施数最多的 %d 个单位）</source>
        <translation>Progress by unit (the %d units with most measures)</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="115" />
        <location filename="../../desktop/ui/detail_panel.py" line="379" />
        <source>请在台账中选择一项措施</source>
        <translation>Select a measure in the ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="141" />
        <source>所属部分：</source>
        <translation>Section:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="142" />
        <source>牵头单位：</source>
        <translation>Lead units:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="143" />
        <source>责任单位：</source>
        <translation>Responsible units:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="144" />
        <source>完成时限：</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="145" />
        <source>备注：</source>
        <translation>Remarks:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="161" />
        <source>快捷键 Ctrl+%d</source>
        <translation>Shortcut Ctrl+%d</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="178" />
        <location filename="../../desktop/ui/detail_panel.py" line="208" />
        <location filename="../../desktop/ui/detail_panel.py" line="397" />
        <source>本季度进展</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="221" />
        <source>进展情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="223" />
        <source>本季度做了什么、取得什么成效（写入季度报告）</source>
        <translation>What was done this quarter and with what result (goes into the quarterly report)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="227" />
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="229" />
        <source>遇到的困难和问题，没有可不填</source>
        <translation>Difficulties met; leave empty if none</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="231" />
        <source>下步打算</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="231" />
        <source>下季度打算怎么推进</source>
        <translation>How the work goes on next quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="242" />
        <source>保存进展 (Ctrl+S)</source>
        <translation>Save progress (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="68" />
        <source>进展：</source>
        <translation>Progress: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="69" />
        <source>问题：</source>
        <translation>Problems: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="70" />
        <source>打算：</source>
        <translation>Next steps: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="457" />
        <source>状态变更</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="72" />
        <source>（%s，%s）</source>
        <translation> (%s, %s)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="74" />
        <source>（%s）</source>
        <translation> (%s)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="322" />
        <source>自%s起</source>
        <translation>from %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="470" />
        <source>%s %s：%s → %s</source>
        <translation>%s %s: %s → %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="477" />
        <source>暂无往期进展和状态变更。</source>
        <translation>No earlier progress or status changes yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="484" />
        <source>佐证材料（%d）</source>
        <translation>Evidence (%d)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="488" />
        <source>历史记录（%d）</source>
        <translation>History (%d)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="179" />
        <location filename="../../desktop/ui/detail_panel.py" line="484" />
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="278" />
        <source>提示：可把文件拖到此处添加佐证材料。</source>
        <translation>Tip: drop files here to attach evidence.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="267" />
        <source>添加佐证材料…</source>
        <translation>Attach evidence…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="269" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="273" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="271" />
        <source>说明…</source>
        <translation>Description…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="152" />
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="180" />
        <location filename="../../desktop/ui/detail_panel.py" line="488" />
        <source>历史记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="261" />
        <source>双击打开；也可把文件直接拖到这里添加</source>
        <translation>Double-click to open; drop files here to add them</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="344" />
        <source>未保存…</source>
        <translation>Not saved…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="320" />
        <source>%s（%s）</source>
        <translation>%s (%s)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="409" />
        <source>  ⚠ 已逾期</source>
        <translation>  ⚠ overdue</translation>
    </message>
</context>
<context>
    <name>DiffModel</name>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="48" />
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="49" />
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="50" />
        <source>移动</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="51" />
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="52" />
        <source>删除（归档）</source>
        <translation>Removed (archived)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="58" />
        <source>措施内容</source>
        <translation>Wording</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="59" />
        <source>牵头单位</source>
        <translation>Lead units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="60" />
        <source>责任单位</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="61" />
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="62" />
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="63" />
        <source>完成频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="64" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="65" />
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="66" />
        <source>发文机关</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="67" />
        <source>成文日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="112" />
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="113" />
        <source>原编号</source>
        <translation>Old no.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="114" />
        <source>原措施</source>
        <translation>Old measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="115" />
        <source>新编号</source>
        <translation>New no.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="116" />
        <source>新措施</source>
        <translation>New measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="117" />
        <source>改动之处</source>
        <translation>What changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="118" />
        <source>相似度</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="181" />
        <source>这一行是原有措施，请选中新措施所在的行再修改对应关系。</source>
        <translation>This row is an old measure: select the row of a new measure to change what it continues.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="189" />
        <source>原措施“%s”已对应新措施“%s”。一条原有措施只能对应一条新措施：请先把那一条改为其他措施或“视为新增措施”。</source>
        <translation>Old measure “%s” already continues as new measure “%s”. An old measure can continue one new measure only: first point that one at another measure or at “new measure”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="232" />
        <source>（已修正）</source>
        <translation> (corrected)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="234" />
        <source>（因修正）</source>
        <translation> (after a correction)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="251" />
        <source>%s：%s → %s</source>
        <translation>%s: %s → %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="284" />
        <source>%s：</source>
        <translation>%s:</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="22" />
        <source>操作未能完成：%s。数据未被修改。如问题反复出现，请将详细信息发给技术支持。</source>
        <translation>The operation could not be completed: %s. No data was changed. If it keeps happening, send the details to technical support.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="32" />
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>EvidenceActions</name>
    <message>
        <location filename="../../desktop/ui/evidence_actions.py" line="35" />
        <source>选择佐证材料</source>
        <translation>Choose evidence file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/evidence_actions.py" line="35" />
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/evidence_actions.py" line="55" />
        <source>已添加佐证材料：%s</source>
        <translation>Evidence attached: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/evidence_actions.py" line="61" />
        <source>正在保存佐证材料…</source>
        <translation>Saving evidence…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/evidence_actions.py" line="76" />
        <source>佐证材料说明</source>
        <translation>Evidence description</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/evidence_actions.py" line="76" />
        <source>说明：</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/evidence_actions.py" line="97" />
        <source>确定移除该佐证材料吗？</source>
        <translation>Remove this evidence file?</translation>
    </message>
</context>
<context>
    <name>FillinReviewDialog</name>
    <message>
        <location filename="../../desktop/ui/fillin_dialog.py" line="29" />
        <source>导入填报表 — %s</source>
        <translation>Import fill-in workbook — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fillin_dialog.py" line="34" />
        <source>%s %s：改动 %d 处将写入；冲突 %d 处需要您决定（默认保留现有内容）。</source>
        <translation>%s %s: %d changes will be written; %d conflicts need your decision (current text is kept unless you choose).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fillin_dialog.py" line="42" />
        <source>措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fillin_dialog.py" line="42" />
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fillin_dialog.py" line="42" />
        <source>现有内容</source>
        <translation>Stored</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fillin_dialog.py" line="42" />
        <source>部门填写</source>
        <translation>Department wrote</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fillin_dialog.py" line="48" />
        <source>将写入的改动（%d）</source>
        <translation>Changes to write (%d)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fillin_dialog.py" line="50" />
        <source>冲突：勾选则采用部门填写（%d）</source>
        <translation>Conflicts: tick to take the department’s text (%d)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fillin_dialog.py" line="67" />
        <source>%d 行对应的措施已不存在，将被忽略。</source>
        <translation>%d rows refer to measures that no longer exist and are ignored.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fillin_dialog.py" line="79" />
        <source>写入</source>
        <translation>Write</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fillin_dialog.py" line="80" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="71" />
        <source>搜索标题、正文或单位（Ctrl+F）</source>
        <translation>Search title, text or unit (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="72" />
        <source>输入几个字即可筛选，空格分隔的多个词须同时出现</source>
        <translation>Filters as you type; words separated by spaces must all occur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="76" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="79" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="81" />
        <source>全部灯色</source>
        <translation>All lights</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="91" />
        <source>只看文件某一部分（一、……）下的措施</source>
        <translation>Only the measures under one part of the document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="92" />
        <source>本季度未填报</source>
        <translation>No progress this quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="93" />
        <source>到期：</source>
        <translation>Due:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="96" />
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="97" />
        <source>未来 </source>
        <translation>in </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="98" />
        <source> 天内</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="100" />
        <source>只显示这么多天内到期、尚未逾期的未完成措施；0 表示不限（逾期的请用“已逾期”）</source>
        <translation>Only open measures due within this many days and not yet overdue; 0 means no limit (for overdue ones choose “Overdue”)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="138" />
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="150" />
        <source>全部部分</source>
        <translation>All sections</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="186" />
        <source>显示 %d / %d 项</source>
        <translation>Showing %d of %d</translation>
    </message>
</context>
<context>
    <name>FreezeActions</name>
    <message>
        <location filename="../../desktop/ui/freeze_actions.py" line="27" />
        <source>季度定稿(&amp;Z)…</source>
        <translation>&amp;Close quarter…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/freeze_actions.py" line="28" />
        <source>冻结所选计划本季度的进展和佐证材料，报告可原样重印</source>
        <translation>Freeze this quarter’s progress and evidence for the selected plan; its report can be reprinted identically</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/freeze_actions.py" line="30" />
        <source>撤销定稿…</source>
        <translation>Reopen quarter…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/freeze_actions.py" line="37" />
        <source>请先在左侧选择要定稿的计划</source>
        <translation>Select the plan to close first</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/freeze_actions.py" line="41" />
        <source>定稿后，《%s》%s的进展情况、存在问题、下步打算和佐证材料将不能再修改，季度报告将按定稿内容原样打印。确定定稿吗？</source>
        <translation>After closing, progress, problems, next steps and evidence of 《%s》 for %s can no longer be changed, and the report prints from the frozen record. Close the quarter?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/freeze_actions.py" line="56" />
        <source>已定稿：%s《%s》（定稿编号 #%d）</source>
        <translation>Closed: %s 《%s》 (snapshot #%d)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/freeze_actions.py" line="60" />
        <source>正在定稿…</source>
        <translation>Closing the quarter…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/freeze_actions.py" line="66" />
        <source>所选计划%s尚未定稿</source>
        <translation>The selected plan is not closed for %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/freeze_actions.py" line="69" />
        <source>撤销定稿</source>
        <translation>Reopen quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/freeze_actions.py" line="70" />
        <source>撤销%s定稿的原因（记入操作日志）：</source>
        <translation>Reason for reopening %s (recorded in the audit log):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/freeze_actions.py" line="80" />
        <source>已撤销%s定稿，原定稿记录已保留</source>
        <translation>Reopened %s; the closed record is kept</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/freeze_actions.py" line="93" />
        <source>%s · 已定稿</source>
        <translation>%s · closed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/freeze_actions.py" line="94" />
        <source>已定稿，只读。如需修改，请先撤销定稿。</source>
        <translation>Closed, read-only. Reopen the quarter to change it.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="74" />
        <source>导入预览 — %s</source>
        <translation>Import preview — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="77" />
        <source>文件：%s</source>
        <translation>File: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="79" />
        <source>　编码：%s</source>
        <translation>   Encoding: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="80" />
        <source>　识别出 %d 份文件</source>
        <translation>   %d document(s) found</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="111" />
        <source>与下一项合并</source>
        <translation>Merge with next</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="112" />
        <source>拆分…</source>
        <translation>Split…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="113" />
        <source>设为标题</source>
        <translation>Make heading</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="114" />
        <source>设为措施</source>
        <translation>Make measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="115" />
        <source>作为措施导入</source>
        <translation>Import as a measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="128" />
        <source>双击单元格可修改；取消勾选的条目不会导入；灰色为背景段落，勾选即作为措施导入。</source>
        <translation>Double-click a cell to edit; unchecked items are not imported; grey rows are background paragraphs: check one to import it as a measure.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="139" />
        <source>确认导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="140" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="193" />
        <source>导入此文件</source>
        <translation>Import this document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="193" />
        <source>不导入此文件</source>
        <translation>Skip this document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="197" />
        <source>（无文号）</source>
        <translation>(no document number)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="251" />
        <source>长期</source>
        <translation>Long-term</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="289" />
        <source>背景段落，不作为措施导入。勾选或点“作为措施导入”即可作为措施导入。</source>
        <translation>Background paragraph, not imported as a measure. Check it or click “Import as a measure” to import it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="321" />
        <source>将导入 %d 份文件，共 %d 项措施</source>
        <translation>%d document(s), %d measures will be imported</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="106" />
        <source>按部分分组</source>
        <translation>Group by section</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="78" />
        <source>%s — %s</source>
        <translation>%s — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="78" />
        <source>落实台账</source>
        <translation>Luoshi Ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="107" />
        <source>按文件的部分（一、（一）……）分组显示措施（Ctrl+G）</source>
        <translation>Show the measures grouped by the document's parts (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="131" />
        <source>措施台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="132" />
        <source>工作总览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="133" />
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="134" />
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="173" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="175" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="190" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="191" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="193" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="199" />
        <source>保存进展(&amp;S)</source>
        <translation>&amp;Save progress</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="207" />
        <source>设为“%s”</source>
        <translation>Set to “%s”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="215" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="218" />
        <source>计划列表(&amp;L)</source>
        <translation>Plan &amp;list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="219" />
        <source>措施台账(&amp;T)</source>
        <translation>Measure &amp;table</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="220" />
        <source>工作总览(&amp;D)</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="221" />
        <source>填写本季度进展(&amp;P)</source>
        <translation>Write this quarter's &amp;progress</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="222" />
        <source>搜索(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="229" />
        <source>按部分分组(&amp;G)</source>
        <translation>&amp;Group by section</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="236" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="237" />
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="249" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="254" />
        <source>季度：</source>
        <translation>Quarter:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="258" />
        <source>进展填报、筛选、总览和报告都按这个季度</source>
        <translation>Progress entry, filters, dashboard and reports all use this quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="430" />
        <source>共 %d 项措施，已完成 %d 项，逾期 %d 项</source>
        <translation>%d measures, %d done, %d overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="472" />
        <source>这项措施已不在当前筛选结果中（刚修改过或被筛选条件排除），面板仍显示它。</source>
        <translation>This measure no longer matches the filters (it was just changed or is filtered out); the panel keeps showing it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="506" />
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="520" />
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="522" />
        <source>系统没有可以打开“%s”的程序，或打开失败。
文件位置：%s</source>
        <translation>No program on this computer opened “%s”.
The file is at: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="525" />
        <source>打开所在文件夹</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="526" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="610" />
        <source>没有改动</source>
        <translation>No changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="618" />
        <source>已保存 %s</source>
        <translation>Saved %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="635" />
        <source>设置已保存</source>
        <translation>Settings saved</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="267" />
        <source>确认列对应关系 — %s</source>
        <translation>Confirm columns — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="272" />
        <source>请确认表头所在的行和每一列的含义。确认后，同样表头的表格下次（包括导入新版本时）会自动使用这一设置。</source>
        <translation>Please confirm the header row and what each column means. Once confirmed, tables with the same header use these settings automatically next time (including when importing a new version).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="283" />
        <source>工作表是空的。</source>
        <translation>the sheet is empty.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="284" />
        <source>“%s”：%s</source>
        <translation>“%s”: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="289" />
        <source>（未认出表头）</source>
        <translation> (header not recognised)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="300" />
        <source>以下工作表不会导入：</source>
        <translation>These sheets are not imported: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="312" />
        <source>下一步：预览</source>
        <translation>Next: preview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="313" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="331" />
        <source>工作表“%s”还没有选择表头所在的行。</source>
        <translation>Choose the header row of sheet “%s” first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="335" />
        <source>至少要导入一个工作表。</source>
        <translation>Import at least one sheet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="341" />
        <source>工作表“%s”还没有指定任务内容所在的列（重点任务或具体措施）。</source>
        <translation>Sheet “%s” has no column for the task (重点任务 or 具体措施) yet.</translation>
    </message>
</context>
<context>
    <name>MirrorDialog</name>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="235" />
        <source>第二备份位置</source>
        <translation>Second backup location</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="238" />
        <source>自动备份平时只保存在数据目录中；电脑损坏时它们会一起丢失。
在这里选择U盘或单位网络共享上的文件夹，以后每次备份（手动和退出时的自动备份）都会再复制一份到其中的“落实台账-计算机名”子文件夹，并重新校验。
U盘未插入或网络断开时，备份照常保存在数据目录中，并提示您。</source>
        <translation>Automatic backups are normally kept only in the data folder, and are lost with it if the computer fails.
Choose a folder on a USB stick or an office network share here: every backup (manual, and the automatic one at exit) is then also copied, and verified again, into its subfolder “落实台账-computer name”.
When the stick is not plugged in or the network is down, backups are still kept in the data folder and you are told.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="246" />
        <source>未设置：备份只保存在数据目录中</source>
        <translation>Not set: backups are kept in the data folder only</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="247" />
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="249" />
        <source>不再复制</source>
        <translation>Stop copying</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="271" />
        <source>选择第二备份文件夹</source>
        <translation>Choose the second backup folder</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="37" />
        <source>导入文件(&amp;I)…</source>
        <translation>&amp;Import file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="40" />
        <source>导入新版本(&amp;U)…</source>
        <translation>Import new &amp;version…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="41" />
        <source>用修订后的文件或任务表更新所选计划，保留已有进展</source>
        <translation>Update the selected plan from a revised document, keeping progress</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="43" />
        <source>版本记录(&amp;H)…</source>
        <translation>Version &amp;history…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="44" />
        <source>所选计划的各个版本：导入时间、来源文件、变化</source>
        <translation>The versions of the selected plan: when imported, from which file, what changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="46" />
        <source>已归档措施(&amp;A)…</source>
        <translation>&amp;Archived measures…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="47" />
        <source>新版本中删去的措施，连同它们的进展记录（只读）</source>
        <translation>Measures a new version removed, with their progress (read-only)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="55" />
        <source>政策文件或任务表 (*.txt *.docx *.pdf *.xlsx *.xlsm *.xls);;所有文件 (*)</source>
        <translation>Policy documents or task lists (*.txt *.docx *.pdf *.xlsx *.xlsm *.xls);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="60" />
        <source>导入政策文件或任务分解表</source>
        <translation>Import a policy document or task list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="69" />
        <location filename="../../desktop/ui/plan_actions.py" line="79" />
        <source>正在读取“%s”…</source>
        <translation>Reading “%s”…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="83" />
        <location filename="../../desktop/ui/plan_actions.py" line="118" />
        <location filename="../../desktop/ui/plan_actions.py" line="136" />
        <source>已取消导入，数据未改变</source>
        <translation>Import cancelled; nothing was changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="83" />
        <source>下一步：预览</source>
        <translation>Next: preview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="112" />
        <source>正在识别“%s”的表头…</source>
        <translation>Detecting the header of “%s”…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="128" />
        <source>已导入 %d 个计划，共 %d 项措施</source>
        <translation>Imported %d plan(s) with %d measures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="134" />
        <source>正在导入“%s”…</source>
        <translation>Importing “%s”…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="143" />
        <source>请先在左侧选择要更新的计划</source>
        <translation>Select the plan to update first</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="145" />
        <source>选择新版本文件</source>
        <translation>Choose the new version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="152" />
        <source>下一步：比对</source>
        <translation>Next: compare</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="153" />
        <location filename="../../desktop/ui/plan_actions.py" line="169" />
        <source>已取消更新，数据未改变</source>
        <translation>Update cancelled; nothing was changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="179" />
        <source>已更新为第 %d 版：保留 %d 项，新增 %d 项，归档 %d 项</source>
        <translation>Updated to version %d: %d kept, %d added, %d archived</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="186" />
        <source>已更新，但有提示</source>
        <translation>Updated, with notes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="192" />
        <source>正在更新计划…</source>
        <translation>Updating the plan…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="194" />
        <source>正在比对新版本…</source>
        <translation>Comparing the new version…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_actions.py" line="201" />
        <source>请先在左侧选择一个计划</source>
        <translation>Select a plan on the left first</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="29" />
        <source>生成季度报告(&amp;R)…</source>
        <translation>Quarterly &amp;report…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="32" />
        <source>生成督办单(&amp;N)…</source>
        <translation>Supervision &amp;notices…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="34" />
        <source>导出台账（Excel）(&amp;E)…</source>
        <translation>&amp;Export ledger (Excel)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="36" />
        <source>导出部门填报表(&amp;D)…</source>
        <translation>Export &amp;department workbooks…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="38" />
        <source>导入部门填报表(&amp;B)…</source>
        <translation>Import department work&amp;books…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="50" />
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="52" />
        <location filename="../../desktop/ui/report_actions.py" line="91" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="54" />
        <source>季度报告-%s</source>
        <translation>quarterly-report-%s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="55" />
        <source>保存季度报告</source>
        <translation>Save quarterly report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="68" />
        <source>Word 报告已生成：%s</source>
        <translation>Word report written: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="71" />
        <source>报告已生成：%s（%d 页）</source>
        <translation>Report written: %s (%d pages)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="74" />
        <source>正在生成季度报告…</source>
        <translation>Writing the quarterly report…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="90" />
        <source>督办单-%s</source>
        <translation>supervision-notice-%s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="91" />
        <source>保存督办单</source>
        <translation>Save supervision notices</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="101" />
        <source>督办单已生成：%s（%d 页）</source>
        <translation>Supervision notices written: %s (%d pages)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="104" />
        <source>正在生成督办单…</source>
        <translation>Writing supervision notices…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="111" />
        <source>落实台账-%s</source>
        <translation>ledger-%s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="113" />
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="113" />
        <location filename="../../desktop/ui/report_actions.py" line="158" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="126" />
        <source>台账已导出：%s（%d 项措施）</source>
        <translation>Ledger exported: %s (%d measures)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="129" />
        <source>正在导出台账…</source>
        <translation>Exporting the ledger…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="138" />
        <source>选择填报表的保存位置</source>
        <translation>Choose where to save the workbooks</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="148" />
        <source>已生成 %d 个单位的填报表：%s</source>
        <translation>Workbooks for %d units written to %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="151" />
        <source>正在生成部门填报表…</source>
        <translation>Writing department workbooks…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="158" />
        <source>选择部门交回的填报表</source>
        <translation>Choose a returned workbook</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="169" />
        <source>已取消，数据未改变</source>
        <translation>Cancelled; nothing was changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="178" />
        <source>已写入 %d 处（填报人：%s）</source>
        <translation>%d fields written (author: %s)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="180" />
        <source>正在写入…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="182" />
        <source>正在读取填报表…</source>
        <translation>Reading the workbook…</translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="125" />
        <source>生成季度报告</source>
        <translation>Quarterly report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="175" />
        <source>包含的状态</source>
        <translation>Statuses included</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="187" />
        <source>版式</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="208" />
        <source>附佐证材料清单</source>
        <translation>Annex: list of evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="193" />
        <source>PDF（用于打印报送）</source>
        <translation>PDF (to print and submit)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="134" />
        <source>计划（可多选）</source>
        <translation>Plans (one or more)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="140" />
        <source>（当前）%s</source>
        <translation>(current) %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="148" />
        <source>部分（不勾选即全部）</source>
        <translation>Parts (none ticked: all)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="154" />
        <source>牵头或责任单位（不勾选即全部）</source>
        <translation>Lead or responsible units (none ticked: all)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="157" />
        <source>输入单位名称的一部分查找</source>
        <translation>Type part of a unit's name to find it</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="166" />
        <source>勾选查到的</source>
        <translation>Tick those found</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="168" />
        <location filename="../../desktop/ui/report_dialogs.py" line="243" />
        <source>全不选</source>
        <translation>Untick all</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="189" />
        <source>全文</source>
        <translation>Full text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="190" />
        <source>仅标题</source>
        <translation>Title only</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="191" />
        <source>横向（宽表，适合全文）</source>
        <translation>Landscape (wide table, suits full text)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="192" />
        <source>纵向</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="194" />
        <source>Word（可修改文字）</source>
        <translation>Word (editable)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="196" />
        <source>措施表内容：</source>
        <translation>Measure table:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="197" />
        <source>措施表页面：</source>
        <translation>Table pages:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="198" />
        <source>文件格式：</source>
        <translation>File format:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="221" />
        <source>生成</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="222" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="241" />
        <source>全选</source>
        <translation>Tick all</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="287" />
        <source>已选 %d 个（共 %d 个）</source>
        <translation>%d ticked (of %d)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="287" />
        <source>全部 %d 个</source>
        <translation>All %d</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="290" />
        <source>查到 %d 个 · </source>
        <translation>%d found · </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="295" />
        <source>请至少勾选一个计划。</source>
        <translation>Tick at least one plan.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="297" />
        <source>请至少勾选一种状态。</source>
        <translation>Tick at least one status.</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="330" />
        <source>打印预览 — %s</source>
        <translation>Print preview — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="338" />
        <source>共 %d 页</source>
        <translation>%d pages</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="339" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="341" />
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="343" />
        <source>用系统查看器打开</source>
        <translation>Open in system viewer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="345" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialogs.py" line="442" />
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="66" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="88" />
        <source>写在报告正文之前；留空则报告不写主送机关。</source>
        <translation>Printed above the report's body; leave it empty for none.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="130" />
        <source>手动和退出时的自动备份都会再复制一份到这里。</source>
        <translation>Every backup, by hand or automatic at exit, is also copied here.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="141" />
        <source>界面</source>
        <translation>Interface</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="143" />
        <source>界面语言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="144" />
        <source>重新启动程序后生效。</source>
        <translation>Takes effect when the program is started again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="164" />
        <source>%s：</source>
        <translation>%s:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="80" />
        <source>可用占位符：{unit} 填报单位，{plan} 文件名称，{quarter} 季度</source>
        <translation>Placeholders: {unit} reporting unit, {plan} document title, {quarter} quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="71" />
        <source>季度报告</source>
        <translation>Quarterly report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="84" />
        <source>不写主送机关</source>
        <translation>No addressee</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="93" />
        <source>台账与提醒</source>
        <translation>Ledger and warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="96" />
        <source>当前季度（随日期变化）</source>
        <translation>Current quarter (follows the date)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="102" />
        <source>默认季度：</source>
        <translation>Default quarter:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="105" />
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="107" />
        <source>完成时限在这么多天之内的未完成措施亮黄灯</source>
        <translation>Open measures due within this many days get a yellow light</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="108" />
        <source>黄灯提前天数：</source>
        <translation>Yellow light days:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="112" />
        <source>数据安全</source>
        <translation>Data safety</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="118" />
        <source>未设置：备份只保存在数据目录中</source>
        <translation>Not set: backups are kept in the data folder only</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="119" />
        <source>更改…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="124" />
        <source>第二备份位置：</source>
        <translation>Second backup folder:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="149" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="150" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="46" />
        <source>拆分措施</source>
        <translation>Split measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="49" />
        <source>把光标放在第二项开始的位置，然后点“拆分”：</source>
        <translation>Put the cursor where the second item starts, then click “Split”:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="56" />
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="57" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UpdateDialog</name>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="298" />
        <source>导入新版本 — %s</source>
        <translation>Import new version — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="367" />
        <source>与第 %d 版比对：</source>
        <translation>Compared with version %d: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="318" />
        <source>修改对应关系</source>
        <translation>Change match</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="325" />
        <source>这条新措施对应原措施：</source>
        <translation>This new measure continues:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="329" />
        <source>已匹配措施的进展、佐证材料和历史将保留；删除的措施会归档，不会丢失。</source>
        <translation>Matched measures keep their progress, evidence and history; removed measures are archived, never lost.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="335" />
        <source>确认更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="336" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="354" />
        <source>（视为新增措施）</source>
        <translation>(a new measure)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="367" />
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="368" />
        <source>%s %d 项</source>
        <translation>%s %d</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="370" />
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="371" />
        <source>%s：%s → %s</source>
        <translation>%s: %s → %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_dialog.py" line="375" />
        <source>计划信息将更新：</source>
        <translation>Plan details to be updated: </translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="102" />
        <source>版本记录 — %s</source>
        <translation>Version history — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="107" />
        <source>每次“导入新版本”都会增加一个版本；已填写的进展和佐证材料随措施保留，新版本中删去的措施归档保存（见“已归档措施”）。</source>
        <translation>Each “Import new version” adds a version; progress and evidence stay with their measures, and measures a new version removes are archived (see “Archived measures”).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="116" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="117" />
        <source>导入时间</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="118" />
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="119" />
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="120" />
        <source>措施数</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="121" />
        <source>与上一版相比</source>
        <translation>Against the previous version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="136" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="141" />
        <source>%s（当前）</source>
        <translation>%s (current)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="143" />
        <source>首次导入</source>
        <translation>First import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_history.py" line="147" />
        <source>保留 %d 项，新增 %d 项，归档 %d 项</source>
        <translation>%d kept, %d added, %d archived</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="16" />
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="17" />
        <source>推进中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="18" />
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="19" />
        <source>暂缓</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="22" />
        <source>红灯</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="23" />
        <source>黄灯</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="24" />
        <source>绿灯</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="27" />
        <source>灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="28" />
        <location filename="../../desktop/ui/vocabulary.py" line="50" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="29" />
        <source>措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="30" />
        <location filename="../../desktop/ui/vocabulary.py" line="54" />
        <source>牵头单位</source>
        <translation>Lead units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="31" />
        <location filename="../../desktop/ui/vocabulary.py" line="55" />
        <source>责任单位</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="32" />
        <location filename="../../desktop/ui/vocabulary.py" line="56" />
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="33" />
        <location filename="../../desktop/ui/vocabulary.py" line="61" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="34" />
        <source>最近进展</source>
        <translation>Last progress</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="35" />
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="38" />
        <source>填报单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="39" />
        <source>填报人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="40" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="41" />
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="42" />
        <source>报告标题模板</source>
        <translation>Report title template</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="43" />
        <source>主送机关</source>
        <translation>Addressee</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="44" />
        <source>单个佐证材料上限（MB）</source>
        <translation>Evidence size limit (MB)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="51" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="52" />
        <source>重点任务</source>
        <translation>Key task</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="53" />
        <source>具体措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="57" />
        <source>进展情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="58" />
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="59" />
        <source>牵头领导</source>
        <translation>Leader in charge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="60" />
        <source>任务来源</source>
        <translation>Source of the task</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="62" />
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="63" />
        <source>下步打算</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="65" />
        <source>逾期</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="66" />
        <source>长期</source>
        <translation>Long-term</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="67" />
        <source>长期坚持</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="68" />
        <source>责任单位：</source>
        <translation>Responsible units: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="70" />
        <source>第一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="71" />
        <source>第二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="72" />
        <source>第三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="73" />
        <source>第四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="76" />
        <source>{year}年{quarter}</source>
        <translation>{quarter} {year}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="77" />
        <source>{done}/{total} 项已完成（{ratio}）</source>
        <translation>{done}/{total} done ({ratio})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="78" />
        <source>第{version}版</source>
        <translation>version {version}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="79" />
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>_SheetPage</name>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="56" />
        <source>导入此工作表</source>
        <translation>Import this sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="64" />
        <source>表头所在行：</source>
        <translation>Header row:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="71" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="96" />
        <source>%s：</source>
        <translation>%s:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="103" />
        <source>（未指定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="104" />
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="106" />
        <source>无年份的时限按：</source>
        <translation>Deadlines without a year are in:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="111" />
        <source>进展情况记入：</source>
        <translation>Record progress under:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="189" />
        <source>没有认出这个工作表的表头。如果它是任务表，请在下面的预览中点选表头（列名）所在的行，再指定各列。</source>
        <translation>The header of this sheet was not recognised. If it is a task list, click the row with the column names in the preview below, then choose the columns.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="194" />
        <source>表头在第 %d 行，数据从第 %d 行开始。</source>
        <translation>Header on row %d, data from row %d.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="199" />
        <source>标题：%s。</source>
        <translation>Title: %s. </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="204" />
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="207" />
        <source>%s 列：%s</source>
        <translation>Column %s: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="238" />
        <source>%s 列“%s”</source>
        <translation>column %s “%s”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="244" />
        <source>这些列没有对应任何项目，不会导入：%s。如果其中有需要的内容，请在上面为它选择。</source>
        <translation>These columns are matched to nothing and will not be imported: %s. If one holds something needed, choose its field above.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mapping_dialog.py" line="246" />
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
</TS>
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackgroundOp</name>
    <message>
        <location filename="../../desktop/ui/tasks.py" line="98"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks.py" line="99"/>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="73"/>
        <source>措施总数</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="74"/>
        <location filename="../../desktop/ui/dashboard.py" line="145"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="75"/>
        <source>推进中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="76"/>
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="77"/>
        <source>红灯（逾期）</source>
        <translation>Red (overdue)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="78"/>
        <source>黄灯（临期）</source>
        <translation>Yellow (due soon)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="79"/>
        <source>本季度未填报</source>
        <translation>No progress this quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="103"/>
        <source>逾期措施</source>
        <translation>Overdue measures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="104"/>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="126"/>
        <source>没有逾期措施</source>
        <translation>No overdue measures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="127"/>
        <source>近期没有到期措施</source>
        <translation>Nothing due soon</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="138"/>
        <source>按落实状态</source>
        <translation>By status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="146"/>
        <source>未完成</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="147"/>
        <source>其中逾期</source>
        <translation>of which overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="160"/>
        <source>各单位落实情况（措施数最多的 %d 个单位）</source>
        <translation>Progress by unit (the %d units with most measures)</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="86"/>
        <location filename="../../desktop/ui/detail_panel.py" line="228"/>
        <source>请在左侧表格中选择一项措施</source>
        <translation>Select a measure in the table</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="100"/>
        <source>所属部分：</source>
        <translation>Section:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="101"/>
        <source>牵头单位：</source>
        <translation>Lead units:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="102"/>
        <source>责任单位：</source>
        <translation>Responsible units:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="103"/>
        <source>完成时限：</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="112"/>
        <source>落实状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="126"/>
        <source>本季度进展</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="138"/>
        <source>进展情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="139"/>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="140"/>
        <source>下步打算</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="141"/>
        <source>保存进展 (Ctrl+S)</source>
        <translation>Save progress (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="150"/>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="159"/>
        <source>添加佐证材料…</source>
        <translation>Attach evidence…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="161"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="163"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="171"/>
        <source>历史记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="200"/>
        <source>未保存…</source>
        <translation>Not saved…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="255"/>
        <source>  ⚠ 已逾期</source>
        <translation>  ⚠ overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_panel.py" line="259"/>
        <source>本季度进展（%s）</source>
        <translation>This quarter (%s)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="89"/>
        <source>搜索序号、标题、正文或单位（Ctrl+F）</source>
        <translation>Search number, title, text or unit (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="92"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="95"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="97"/>
        <source>全部灯色</source>
        <translation>All lights</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="105"/>
        <source>本季度未填报</source>
        <translation>No progress this quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="108"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="109"/>
        <source> 天内到期</source>
        <translation> days to deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="125"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/measure_filter.py" line="156"/>
        <source>显示 %d / %d 项</source>
        <translation>Showing %d of %d</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="71"/>
        <source>导入预览 — %s</source>
        <translation>Import preview — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="74"/>
        <source>文件：%s</source>
        <translation>File: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="76"/>
        <source>&#x3000;编码：%s</source>
        <translation>   Encoding: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="77"/>
        <source>&#x3000;识别出 %d 份文件</source>
        <translation>   %d document(s) found</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="108"/>
        <source>与下一项合并</source>
        <translation>Merge with next</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="109"/>
        <source>拆分…</source>
        <translation>Split…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="110"/>
        <source>设为标题</source>
        <translation>Make heading</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="111"/>
        <source>设为措施</source>
        <translation>Make measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="112"/>
        <source>标题也作为措施</source>
        <translation>Also track heading</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="123"/>
        <source>双击单元格可修改；取消勾选的条目不会导入。</source>
        <translation>Double-click a cell to edit; unchecked items are not imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="132"/>
        <source>确认导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="133"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="186"/>
        <source>导入此文件</source>
        <translation>Import this document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="186"/>
        <source>不导入此文件</source>
        <translation>Skip this document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="190"/>
        <source>（无文号）</source>
        <translation>(no document number)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="278"/>
        <source>将导入 %d 份文件，共 %d 项措施</source>
        <translation>%d document(s), %d measures will be imported</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="134"/>
        <source>措施台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="135"/>
        <source>工作总览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="158"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="160"/>
        <source>导入文件(&amp;I)…</source>
        <translation>&amp;Import file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="164"/>
        <source>生成季度报告(&amp;R)…</source>
        <translation>Quarterly &amp;report…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="168"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="176"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="177"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="179"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="184"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="185"/>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="197"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="202"/>
        <source> 季度：</source>
        <translation> Quarter: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="286"/>
        <source>共 %d 项措施，已完成 %d 项，逾期 %d 项</source>
        <translation>%d measures, %d done, %d overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="346"/>
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="357"/>
        <source>导入政策文件或任务分解表</source>
        <translation>Import a policy document or task list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="363"/>
        <source>正在读取“%s”…</source>
        <translation>Reading “%s”…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="372"/>
        <location filename="../../desktop/ui/main_window.py" line="390"/>
        <source>已取消导入，数据未改变</source>
        <translation>Import cancelled; nothing was changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="382"/>
        <source>已导入 %d 个计划，共 %d 项措施</source>
        <translation>Imported %d plan(s) with %d measures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="388"/>
        <source>正在导入“%s”…</source>
        <translation>Importing “%s”…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="396"/>
        <source>保存季度报告</source>
        <translation>Save quarterly report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="406"/>
        <source>报告已生成：%s（%d 页）</source>
        <translation>Report written: %s (%d pages)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="409"/>
        <source>正在生成季度报告…</source>
        <translation>Writing the quarterly report…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="442"/>
        <source>没有改动</source>
        <translation>No changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="450"/>
        <source>已保存 %s</source>
        <translation>Saved %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="463"/>
        <source>设置已保存</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="466"/>
        <source>选择佐证材料</source>
        <translation>Choose evidence file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="475"/>
        <source>已添加佐证材料：%s</source>
        <translation>Evidence attached: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="484"/>
        <source>确定移除该佐证材料吗？</source>
        <translation>Remove this evidence file?</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="28"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="37"/>
        <source>可用占位符：{unit} 填报单位，{plan} 文件名称，{quarter} 季度</source>
        <translation>Placeholders: {unit} reporting unit, {plan} document title, {quarter} quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="41"/>
        <source>当前季度</source>
        <translation>Current quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="47"/>
        <source>默认季度：</source>
        <translation>Default quarter:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="50"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="52"/>
        <source>黄灯提前天数：</source>
        <translation>Yellow light days:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="59"/>
        <source>界面语言（重启后生效）：</source>
        <translation>Language (after restart):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="63"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="64"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="43"/>
        <source>拆分措施</source>
        <translation>Split measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="46"/>
        <source>把光标放在第二项开始的位置，然后点“拆分”：</source>
        <translation>Put the cursor where the second item starts, then click “Split”:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="53"/>
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="54"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="12"/>
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="13"/>
        <source>推进中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="14"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="15"/>
        <source>暂缓</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="18"/>
        <source>红灯</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="19"/>
        <source>黄灯</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="20"/>
        <source>绿灯</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="23"/>
        <source>灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="24"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="25"/>
        <source>措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="26"/>
        <source>牵头单位</source>
        <translation>Lead units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="27"/>
        <source>责任单位</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="28"/>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="29"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="30"/>
        <source>最近进展</source>
        <translation>Last progress</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="31"/>
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="34"/>
        <source>填报单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="35"/>
        <source>填报人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="36"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="37"/>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="38"/>
        <source>报告标题模板</source>
        <translation>Report title template</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="40"/>
        <source>逾期</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary.py" line="41"/>
        <source>长期</source>
        <translation>Long-term</translation>
    </message>
</context>
</TS>

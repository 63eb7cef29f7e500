# The HTML page's template, report.html.j2, compiled to Python by Jinja2: do not edit.
# Written by `python tools/gen_template.py` (rnq.render.html.compiled_template); a test
# fails when it is stale, and rnq compiles the source instead when it is.
FINGERPRINT = 'report.html.j2 sha256 62955601aefad8e2b8413741feb5c86e196c4463622096ca23beda13d23d953f, Jinja2 3.1.6'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_report = resolve('report')
    l_0_lang = resolve('lang')
    l_0_csp = resolve('csp')
    l_0_t = resolve('t')
    l_0_label = resolve('label')
    l_0_day = resolve('day')
    l_0_criteria = resolve('criteria')
    l_0_statuses = resolve('statuses')
    l_0_any_scope = resolve('any_scope')
    l_0_any_advice = resolve('any_advice')
    l_0_first_action = resolve('first_action')
    l_0_a = resolve('a')
    l_0_cal = resolve('cal')
    l_0_timeline = resolve('timeline')
    l_0_smp = resolve('smp')
    l_0_prov = resolve('prov')
    l_0_summary_chart = resolve('summary_chart')
    l_0_criterion_chart = resolve('criterion_chart')
    l_0_unit_chart = resolve('unit_chart')
    l_0_plan_rows = resolve('plan_rows')
    l_0_plan_shown = resolve('plan_shown')
    l_0_rest = resolve('rest')
    l_0_defer = resolve('defer')
    l_0_indicators = resolve('indicators')
    l_0_waived = resolve('waived')
    l_0_island = resolve('island')
    l_0_badge = l_0_outcome = l_0_unit_name = l_0_offering_name = l_0_closed_findings = l_0_bars = l_0_s = l_0_answer_key = l_0_code_errors = l_0_file_errors = l_0_na = missing
    try:
        t_1 = environment.filters['dictsort']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'dictsort' found.")
    try:
        t_2 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_3 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_4 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_5 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_6 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    try:
        t_7 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_8 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    try:
        t_9 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_10 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_11 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    try:
        t_12 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_status):
        t_13 = []
        if l_1_status is missing:
            l_1_status = undefined("parameter 'status' was not provided", name='status')
        pass
        t_13.extend((
            '<span class="badge s-',
            escape(l_1_status),
            '">',
            escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'status', l_1_status, (undefined(name='lang') if l_0_lang is missing else l_0_lang))),
            '</span>',
        ))
        return concat(t_13)
    context.exported_vars.add('badge')
    context.vars['badge'] = l_0_badge = Macro(environment, macro, 'badge', ('status',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_value):
        t_14 = []
        if l_1_value is missing:
            l_1_value = undefined("parameter 'value' was not provided", name='value')
        pass
        t_14.extend((
            '<span class="badge o-',
            escape(l_1_value),
            '">',
            escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'outcome', l_1_value, (undefined(name='lang') if l_0_lang is missing else l_0_lang))),
            '</span>',
        ))
        return concat(t_14)
    context.exported_vars.add('outcome')
    context.vars['outcome'] = l_0_outcome = Macro(environment, macro, 'outcome', ('value',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_unit):
        t_15 = []
        l_1_unit_names = resolve('unit_names')
        if l_1_unit is missing:
            l_1_unit = undefined("parameter 'unit' was not provided", name='unit')
        pass
        t_15.append(
            escape((context.call(environment.getattr((undefined(name='unit_names') if l_1_unit_names is missing else l_1_unit_names), 'get'), l_1_unit, l_1_unit) if l_1_unit else '—')),
        )
        return concat(t_15)
    context.exported_vars.add('unit_name')
    context.vars['unit_name'] = l_0_unit_name = Macro(environment, macro, 'unit_name', ('unit',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_offering):
        t_16 = []
        l_1_offering_titles = resolve('offering_titles')
        if l_1_offering is missing:
            l_1_offering = undefined("parameter 'offering' was not provided", name='offering')
        pass
        t_16.append(
            escape((context.call(environment.getattr((undefined(name='offering_titles') if l_1_offering_titles is missing else l_1_offering_titles), 'get'), l_1_offering, l_1_offering) if l_1_offering else '—')),
        )
        return concat(t_16)
    context.exported_vars.add('offering_name')
    context.vars['offering_name'] = l_0_offering_name = Macro(environment, macro, 'offering_name', ('offering',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_summary, l_1_findings):
        t_17 = []
        l_1_shown = resolve('shown')
        l_1_table = resolve('table')
        l_1_findings_table = resolve('findings_table')
        if l_1_summary is missing:
            l_1_summary = undefined("parameter 'summary' was not provided", name='summary')
        if l_1_findings is missing:
            l_1_findings = undefined("parameter 'findings' was not provided", name='findings')
        pass
        if (t_4(l_1_findings) > (undefined(name='shown') if l_1_shown is missing else l_1_shown)):
            pass
            t_18 = []
            pass
            t_18.append(
                escape(context.call((undefined(name='findings_table') if l_1_findings_table is missing else l_1_findings_table), l_1_findings)),
            )
            l_1_table = (Markup if context.eval_ctx.autoescape else identity)(concat(t_18))
            t_17.extend((
                '<details class="others" data-more="',
                escape(context.call((undefined(name='defer') if l_0_defer is missing else l_0_defer), (undefined(name='table') if l_1_table is missing else l_1_table))),
                '"><summary>',
                escape(l_1_summary),
                '</summary></details>',
            ))
        else:
            pass
            t_17.extend((
                '<details class="others"><summary>',
                escape(l_1_summary),
                '</summary>',
                escape(context.call((undefined(name='findings_table') if l_1_findings_table is missing else l_1_findings_table), l_1_findings)),
                '</details>',
            ))
        return concat(t_17)
    context.exported_vars.add('closed_findings')
    context.vars['closed_findings'] = l_0_closed_findings = Macro(environment, macro, 'closed_findings', ('summary', 'findings'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_id, l_1_title, l_1_rows):
        t_19 = []
        if l_1_id is missing:
            l_1_id = undefined("parameter 'id' was not provided", name='id')
        if l_1_title is missing:
            l_1_title = undefined("parameter 'title' was not provided", name='title')
        if l_1_rows is missing:
            l_1_rows = undefined("parameter 'rows' was not provided", name='rows')
        pass
        t_19.extend((
            '<svg class="chart" role="img" aria-labelledby="',
            escape(l_1_id),
            '-t" viewBox="0 0 600 ',
            escape(((t_4(l_1_rows) * 26) + 4)),
            '" width="100%" preserveAspectRatio="xMinYMin meet">\n<title id="',
            escape(l_1_id),
            '-t">',
            escape(l_1_title),
            '</title>\n',
        ))
        for l_2_row in l_1_rows:
            _loop_vars = {}
            pass
            t_19.extend((
                '<g transform="translate(0 ',
                escape(environment.getattr(l_2_row, 'y')),
                ')">\n<text x="0" y="17" class="lbl"><title>',
                escape(environment.getattr(l_2_row, 'label')),
                '</title>',
                escape(environment.getattr(l_2_row, 'short')),
                '</text>\n',
            ))
            for l_3_s in environment.getattr(l_2_row, 'segments'):
                _loop_vars = {}
                pass
                t_19.extend((
                    '<rect x="',
                    escape(t_2('%.2f', environment.getattr(l_3_s, 'x'))),
                    '" y="4" width="',
                    escape(t_2('%.2f', environment.getattr(l_3_s, 'width'))),
                    '" height="18" class="f-',
                    escape(environment.getattr(l_3_s, 'status')),
                    '"><title>',
                    escape(environment.getattr(l_2_row, 'label')),
                    ' — ',
                    escape(environment.getattr(l_3_s, 'label')),
                    escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon')),
                    ' ',
                    escape(environment.getattr(l_3_s, 'count')),
                    '</title></rect>\n',
                ))
            l_3_s = missing
            t_19.extend((
                '<text x="',
                escape(t_2('%.2f', (((environment.getattr(environment.getitem(environment.getattr(l_2_row, 'segments'), -1), 'x') + environment.getattr(environment.getitem(environment.getattr(l_2_row, 'segments'), -1), 'width')) + 6) if environment.getattr(l_2_row, 'segments') else 236))),
                '" y="17" class="num">',
                escape(environment.getattr(l_2_row, 'total')),
                '</text>\n</g>\n',
            ))
        l_2_row = missing
        t_19.append(
            '</svg>',
        )
        return concat(t_19)
    context.exported_vars.add('bars')
    context.vars['bars'] = l_0_bars = Macro(environment, macro, 'bars', ('id', 'title', 'rows'), False, False, False, context.eval_ctx.autoescape)
    l_0_s = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'summary')
    context.vars['s'] = l_0_s
    context.exported_vars.add('s')
    l_0_answer_key = ('null' if t_12(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'certifiable')) else ('true' if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'certifiable') else 'false'))
    context.vars['answer_key'] = l_0_answer_key
    context.exported_vars.add('answer_key')
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="'
    yield escape((undefined(name='csp') if l_0_csp is missing else l_0_csp))
    yield '">\n<meta name="referrer" content="no-referrer">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="rnq">\n<link rel="icon" href="data:,">\n<title>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'title'))
    yield ' — '
    yield escape((environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'organization'), 'name') if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'organization') else environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'referential')))
    yield '</title>\n<style>\n:root{--ink:#1d2430;--muted:#5b6473;--line:#d7dce3;--bg:#f6f7f9;--accent:#1f4e79;\n--major:#b3261e;--minor:#b85c00;--na:#8a8f98;--notas:#6a5acd;--waived:#2c6aa8;--ok:#2e7d32}\n*{box-sizing:border-box}\nhtml{font-size:15px}\nbody{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff;line-height:1.45}\nheader.top{background:var(--accent);color:#fff;padding:1.2rem 2rem 1rem}\nheader.top h1{margin:0 0 .3rem;font-size:1.45rem;font-weight:600}\nheader.top dl{display:flex;flex-wrap:wrap;gap:.2rem 1.6rem;margin:.4rem 0 0;font-size:.92rem}\nheader.top dt{opacity:.8}\nheader.top dd{margin:0 0 0 .3rem;font-weight:600}\nheader.top .meta{display:flex;align-items:baseline}\n.limits{font-size:.9rem}\n.limits h2{margin-top:1.4rem}\n.limits ul{margin:.2rem 0 0;padding-left:1.2rem}\nmain{max-width:1180px;margin:0 auto;padding:0 2rem 3rem}\nh2{font-size:1.25rem;border-bottom:2px solid var(--accent);padding-bottom:.25rem;margin:2.2rem 0 1rem;color:var(--accent)}\nh3{font-size:1.05rem;margin:0}\nh4{font-size:.95rem;margin:1rem 0 .4rem}\nsmall,.small{color:var(--muted);font-size:.82rem}\ncode{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.84rem;word-break:break-all}\nnav.filters{position:sticky;top:0;z-index:10;background:#fffffff2;border-bottom:1px solid var(--line);padding:.55rem 2rem;display:flex;flex-wrap:wrap;gap:.6rem 1.2rem;align-items:center;box-shadow:0 1px 4px #0000000f}\nnav.filters label{font-size:.85rem;color:var(--muted);display:flex;gap:.35rem;align-items:center}\nselect{max-width:17rem}\nselect,input[type=search],button{font:inherit;font-size:.88rem;padding:.25rem .4rem;border:1px solid var(--line);border-radius:4px;background:#fff;color:var(--ink)}\nbutton{cursor:pointer;background:var(--bg)}\nbutton.more{margin:.3rem 0;font-size:.86rem}\n.count{font-size:.85rem;color:var(--muted);margin-left:auto}\nnav.toc{margin:1.2rem 0 0;padding:.7rem 1rem;background:var(--bg);border-radius:6px}\nnav.toc ol{margin:.2rem 0 0;padding-left:1.3rem;columns:2;font-size:.92rem}\na{color:var(--accent)}\n.answer{border-left:6px solid var(--na);background:var(--bg);padding:1rem 1.2rem;border-radius:0 6px 6px 0;margin-top:1.4rem}\n.answer.a-false{border-color:var(--major);background:#fbeeed}\n.answer.a-true{border-color:var(--ok);background:#edf6ee}\n.answer.a-null{border-color:var(--minor);background:#fdf3e7}\n.answer .q{margin:0;font-size:1.05rem;font-weight:600}\n.answer .verdict{font-size:1.6rem;font-weight:700;margin:.2rem 0}\n.answer ul{margin:.3rem 0 0;padding-left:1.2rem;font-size:.92rem}\n.answer .first{margin:.6rem 0 0;padding-top:.5rem;border-top:1px solid var(--line)}\n.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1.2rem}\n.card{border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;background:#fff}\n.counts{display:flex;flex-wrap:wrap;gap:.5rem;margin:.6rem 0;padding:0;list-style:none}\n.counts li{border:1px solid var(--line);border-radius:6px;padding:.3rem .7rem;font-size:.9rem}\n.counts b{font-size:1.15rem;margin-right:.25rem}\nsvg.chart{display:block;max-width:100%;height:auto}\nsvg .lbl{font-size:12px;fill:var(--ink)}\nsvg .num{font-size:12px;fill:var(--muted)}\n.f-nc_major{fill:var(--major)}.f-nc_minor{fill:var(--minor)}.f-not_assessed{fill:var(--notas)}\n.f-waived{fill:var(--waived)}.f-conform{fill:var(--ok)}.f-not_applicable{fill:#c9ccd2}\n.legend{display:flex;flex-wrap:wrap;gap:.3rem .9rem;list-style:none;padding:0;margin:.4rem 0 0;font-size:.82rem}\n.sw-nc_major{background:var(--major)}.sw-nc_minor{background:var(--minor)}.sw-not_assessed{background:var(--notas)}\n.sw-waived{background:var(--waived)}.sw-conform{background:var(--ok)}.sw-not_applicable{background:#c9ccd2}\n.legend i{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-1px}\n.badge{display:inline-block;padding:.05rem .45rem;border-radius:3px;font-size:.78rem;font-weight:600;white-space:nowrap;border:1px solid transparent}\n.s-nc_major,.o-gap{background:#fbe3e1;color:#8c1d17;border-color:#e9b3ae}\n.s-nc_minor{background:#fdebd6;color:#7a3d00;border-color:#f0c28f}\n.s-not_assessed,.o-not_verified{background:#ebe8fa;color:#463a99;border-color:#c9c1f0}\n.s-waived,.o-waived{background:#e2edf8;color:#1d4f80;border-color:#b3cde6}\n.s-conform,.o-passed{background:#e3f1e4;color:#1e5a22;border-color:#b4d8b6}\n.s-not_applicable,.o-not_applicable{background:#eef0f2;color:#4a505a;border-color:#d3d7dc}\n.o-advice{background:#fff6d6;color:#5f4a00;border-color:#e8d38a}\n.o-confirm{background:#f3ecff;color:#4b2f80;border-color:#d5c4f2;border-style:dashed}\ntr.opt td{color:var(--muted)}\ntable{border-collapse:collapse;width:100%;font-size:.88rem}\nth,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}\nthead th{background:var(--bg);font-weight:600;font-size:.82rem;color:var(--muted);position:sticky;top:2.9rem}\ntd p{margin:0}\ntd.d{white-space:nowrap}\n.ind{border:1px solid var(--line);border-radius:6px;margin:0 0 1rem;break-inside:avoid-page}\n.ind>header{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:baseline;padding:.6rem .9rem;background:var(--bg);border-radius:6px 6px 0 0}\n.ind>header .num{font-weight:700;color:var(--accent);font-size:1.05rem}\n.ind .body{padding:.4rem .9rem .8rem}\n.ind.na .body{color:var(--muted)}\n.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.4rem 0;font-size:.88rem}\n.facts dt{color:var(--muted)}\n.facts dd{margin:0}\n.statuses{display:flex;flex-wrap:wrap;gap:.3rem .8rem;list-style:none;padding:0;margin:.2rem 0;font-size:.86rem}\n.prov{color:#7a3d00}\n.fix{margin-top:.35rem;padding:.35rem .6rem;border-left:3px solid var(--accent);background:#f3f6fa;font-size:.86rem}\n.fix p{margin:.2rem 0}\n.paths{margin:.25rem 0 0;padding-left:1.1rem}\n.check{display:block;margin-top:.2rem}\ndetails>summary{cursor:pointer;color:var(--accent);font-size:.88rem;margin:.4rem 0}\n.empty{color:var(--muted);font-style:italic}\n.md{font-size:.92rem}\nfooter{max-width:1180px;margin:0 auto;padding:1rem 2rem 2rem;color:var(--muted);font-size:.82rem;border-top:1px solid var(--line)}\n.banner{border:2px solid var(--minor);background:#fdf3e7;border-radius:6px;padding:.6rem 1rem;margin-top:1.2rem}\n.banner p{margin:.2rem 0}\n.banner strong{color:#7a3d00}\n.countdown{font-size:1.4rem;font-weight:700;margin:.2rem 0 .6rem;color:var(--accent)}\n.countdown.past{color:var(--major)}\n.next{padding:.4rem .7rem;border-left:4px solid var(--accent);background:#f3f6fa;margin:.4rem 0}\nsvg.timeline{display:block;max-width:100%;height:auto;margin:.8rem 0}\nsvg.timeline text{font-size:13px;fill:var(--ink)}\n.tl-valid{fill:#e4e8ee}.tl-surv{fill:var(--accent)}.tl-renew{fill:var(--ok)}.tl-late{fill:var(--minor)}\nline.tl-cert,line.tl-exp{stroke:var(--muted);stroke-width:2}\nline.tl-today{stroke:var(--ink);stroke-width:2;stroke-dasharray:3 2}\nline.tl-audit{stroke:var(--major);stroke-width:3}\nsvg.timeline text.tl-audit-l{fill:var(--major);font-weight:600}\n.nc-lifted{background:#e3f1e4;color:#1e5a22;border-color:#b4d8b6}\n.nc-open{background:#fdebd6;color:#7a3d00;border-color:#f0c28f}\n.nc-overdue{background:var(--major);color:#fff;border-color:var(--major)}\ntr.overdue td{background:#fbeeed}\ntr.overdue td:first-child{box-shadow:inset 4px 0 0 var(--major)}\ntr.overdue .late{color:var(--major);font-weight:700}\n.warnings{border-left:5px solid var(--major);background:#fbeeed;padding:.5rem .8rem .5rem 2rem;border-radius:0 6px 6px 0;margin:.6rem 0;font-size:.9rem}\n.cal-notes{border-left:5px solid var(--minor);background:#fdf3e7;padding:.5rem .8rem .5rem 2rem;border-radius:0 6px 6px 0;margin:.6rem 0;font-size:.9rem}\n.calendar h3,.sample h3{margin:1.1rem 0 .4rem}\n.badge.scope{background:#e8eef6;color:var(--accent);border-color:#b9cbe0}\n.badge.process{background:#f3ecf9;color:#5b2c83;border-color:#d6c2ea}\n[hidden]{display:none!important}\n@media screen and (min-width:1024px){\n /* The indicators off the screen are laid out when scrolled to, not at load: a report of\n    50 000 files spent 0.6 s of its 1.8 s load laying out what nobody sees yet (SPEC §8). An\n    indicator then clips what would overflow it: a path breaks anywhere rather than widening\n    its findings (a narrower screen lays every indicator out, as before). */\n .ind{content-visibility:auto;contain-intrinsic-size:auto 40rem}\n .ind code{overflow-wrap:anywhere}\n}\n.print-only{display:none}\n@media print{\n /* The printed report (issue #20): the answer, the limits, the action plan with its fixes, each\n    indicator\'s gaps and advice; passed findings as a count; no filters, charts or evidence map. */\n @page{size:A4;margin:14mm 12mm}\n html{font-size:9.5pt}\n body{line-height:1.3}\n .print-only{display:revert}\n .screen-only,nav.filters,nav.toc,.ev-controls,noscript,#evidence>:not(h2):not(.print-only){display:none!important}\n header.top{background:none;color:var(--ink);border-bottom:2px solid var(--accent);padding:0 0 .3rem}\n header.top h1{font-size:1.3rem}\n header.top dl{margin:.2rem 0 0;font-size:.85rem}\n main,footer{max-width:none;padding:0}\n h2{margin:1rem 0 .5rem;font-size:1.15rem;break-after:avoid-page}\n thead th{position:static}\n th,td{padding:.2rem .35rem}\n .answer{margin-top:.6rem;padding:.5rem .8rem;break-inside:auto}\n .answer .verdict{font-size:1.3rem;margin:0}\n .limits h2{margin-top:.8rem}\n .limits{font-size:.85rem}\n .card,tr,.fix,.facts,.first{break-inside:avoid-page}\n .ind>header,h3,h4{break-after:avoid-page}\n .ind{margin:0 0 .4rem;break-inside:auto}\n .ind>header{padding:.25rem .6rem}\n .ind .body{padding:.2rem .6rem .4rem}\n .ind.ok .body,.ind.na{display:none}\n .ind.ok{border:none;margin:0}\n .ind.ok>header{background:none;padding:.05rem .6rem}\n .ind.ok>header .num{font-size:.95rem}\n .ind.ok>header h3{font-size:.9rem;font-weight:400}\n .ind.ok>header small{display:none}\n summary::marker,summary::-webkit-details-marker{content:"";display:none}\n details>summary{color:var(--muted);margin:.2rem 0;cursor:auto}\n details:not(.others)::details-content{content-visibility:visible;display:contents}\n details.others>:not(summary){display:none!important}\n tr.of-passed,tr.of-not_applicable{display:none}\n #summary .card,#summary .grid{display:none}\n /* each action on a grid: its columns, then its fix across the row below */\n table.plan,table.plan thead,table.plan tbody,table.plan tfoot{display:block}\n table.plan tr{display:grid;grid-template-columns:6.6rem 6.4rem 5.8rem minmax(0,1fr) 6.6rem 5.2rem 5.2rem 5.2rem;border-bottom:1px solid var(--line)}\n table.plan th,table.plan td{display:block;border:none;min-width:0;overflow-wrap:anywhere}\n table.plan .badge{font-size:.7rem}\n table.plan td.d{font-size:.8rem}\n table.plan td.act{display:contents}\n table.plan td.act>.what{grid-column:4;grid-row:1;padding:.2rem .35rem}\n table.plan td.act>details.plan-fix{grid-column:2/-1;grid-row:2;margin:0 .35rem .35rem}\n table.plan details.plan-fix>summary{display:none}\n table.plan details.plan-fix .fix strong{display:block}\n svg.timeline{max-height:5.5rem}\n dl.cal-facts{display:none}\n .fix{padding:.2rem .5rem;margin-top:.2rem}\n .fix p{margin:.1rem 0}\n a{color:inherit;text-decoration:none}\n .badge,.answer,.legend i,svg rect,svg line,.banner,.warnings,.cal-notes,tr.overdue td{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n}\n</style>\n</head>\n<body>\n<header class="top">\n<h1>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'title'))
    yield '</h1>\n<dl>\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'organization'):
        pass
        yield '<div class="meta"><dt>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'organization'))
        yield '</dt><dd>'
        yield escape(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'organization'), 'name'))
        if environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'organization'), 'nda'):
            pass
            yield ' (NDA '
            yield escape(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'organization'), 'nda'))
            yield ')'
        yield '</dd></div>'
    yield '<div class="meta"><dt>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'audit'))
    yield '</dt><dd>'
    yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'audit', environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'audit'), 'type'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
    yield '</dd></div>\n<div class="meta"><dt>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'audit_date'))
    yield '</dt><dd>'
    yield escape((context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'audit'), 'date'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)) if environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'audit'), 'date') else environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'no_audit_date')))
    yield '</dd></div>\n'
    if environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'audit'), 'certified_on'):
        pass
        yield '<div class="meta"><dt>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'certified_on'))
        yield '</dt><dd>'
        yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'audit'), 'certified_on'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
        yield '</dd></div>'
    yield '<div class="meta"><dt>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'referential'))
    yield '</dt><dd>'
    yield escape((environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'referential_title') or environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'referential')))
    yield '</dd></div>\n<div class="meta"><dt>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'today'))
    yield '</dt><dd>'
    yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'today'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
    yield '</dd></div>\n</dl>\n</header>\n<nav class="filters" aria-label="'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'filters'))
    yield '">\n<label>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'unit'))
    yield ' <select id="f-unit">\n<option value="">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'all_units'))
    yield '</option>\n'
    for l_1_unit in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'units'):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(environment.getattr(l_1_unit, 'id'))
        yield '">'
        yield escape(environment.getattr(l_1_unit, 'name'))
        yield '</option>\n'
    l_1_unit = missing
    yield '</select></label>\n<label>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'criterion'))
    yield ' <select id="f-crit">\n<option value="">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'all_criteria'))
    yield '</option>\n'
    for (l_1_n, l_1_name) in t_1((undefined(name='criteria') if l_0_criteria is missing else l_0_criteria)):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(l_1_n)
        yield '">'
        yield escape(l_1_n)
        yield '. '
        yield escape(l_1_name)
        yield '</option>\n'
    l_1_n = l_1_name = missing
    yield '</select></label>\n<label>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'status'))
    yield ' <select id="f-status">\n<option value="">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'all_statuses'))
    yield '</option>\n'
    for l_1_st in (undefined(name='statuses') if l_0_statuses is missing else l_0_statuses):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(l_1_st)
        yield '">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'status', l_1_st, (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
        yield '</option>\n'
    l_1_st = missing
    yield '</select></label>\n'
    if (undefined(name='any_scope') if l_0_any_scope is missing else l_0_any_scope):
        pass
        yield '<label><input type="checkbox" id="f-scope"> '
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'scope_only'))
        yield '</label>\n'
    if (undefined(name='any_advice') if l_0_any_advice is missing else l_0_any_advice):
        pass
        yield '<label><input type="checkbox" id="f-advice"> '
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'advice_only'))
        yield '</label>\n'
    yield '<button type="button" id="f-reset">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'reset'))
    yield '</button>\n<span class="count" id="f-count" aria-live="polite"></span>\n</nav>\n<main>\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'sample'):
        pass
        yield '<section id="sample-banner" class="banner" role="note">\n<p><strong>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sample_banner_title'))
        yield '</strong></p>\n<p>'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sample_banner'), 'format'), seed=environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'sample'), 'seed')))
        yield '</p>\n<p>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sites'))
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
        yield ' '
        yield escape((t_3(context.eval_ctx, environment.getattr(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'sample'), 'sites'), 'ids'), ', ') or '—'))
        yield ' · '
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'offerings'))
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
        yield ' '
        yield escape((t_3(context.eval_ctx, environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'sample'), 'offering_ids'), ', ') or '—'))
        yield ' — <a href="#sample">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sample_see'))
        yield '</a></p>\n</section>\n'
    yield '<section class="answer a-'
    yield escape((undefined(name='answer_key') if l_0_answer_key is missing else l_0_answer_key))
    yield '" id="answer">\n<p class="q">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'certifiable_question'))
    yield '</p>\n<p class="verdict">'
    yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'certifiable', (undefined(name='answer_key') if l_0_answer_key is missing else l_0_answer_key), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
    yield '</p>\n<p>'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'answer'))
    yield '</p>\n'
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'blocking'):
        pass
        yield '<h4>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'blocking'))
        yield ' ('
        yield escape(t_4(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'blocking')))
        yield ')</h4><ul class="blocking">'
        for l_1_reason in environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'blocking')[:6]:
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(l_1_reason)
            yield '</li>'
        l_1_reason = missing
        yield '</ul>\n'
        if (t_4(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'blocking')) > 6):
            pass
            yield '<details><summary>'
            yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'more_reasons'), 'format'), n=(t_4(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'blocking')) - 6)))
            yield '</summary><ul class="blocking">'
            for l_1_reason in environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'blocking')[6:]:
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(l_1_reason)
                yield '</li>'
            l_1_reason = missing
            yield '</ul></details>'
    if (undefined(name='first_action') if l_0_first_action is missing else l_0_first_action):
        pass
        l_0_a = (undefined(name='first_action') if l_0_first_action is missing else l_0_first_action)
        context.vars['a'] = l_0_a
        context.exported_vars.add('a')
        yield '<p class="first"><strong>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'first_action'))
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
        yield '</strong> '
        if environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'indicator'):
            pass
            yield '<a href="#ind-'
            yield escape(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'indicator'))
            yield '">'
            yield escape(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'indicator'))
            yield '</a>'
        else:
            pass
            yield '<a href="#display">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'display_obligation'))
            yield '</a>'
        yield ' — '
        yield escape(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'what'))
        yield ' <small>('
        yield escape((environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'effort_label') or context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'effort', environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'effort'), (undefined(name='lang') if l_0_lang is missing else l_0_lang))))
        yield ' · '
        yield escape(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'owner'))
        yield ', '
        yield escape(t_6(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'due')))
        yield ' '
        yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'due'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
        yield ')</small></p>'
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'undetermined'):
        pass
        yield '<h4>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'undetermined'))
        yield ' ('
        yield escape(t_4(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'undetermined')))
        yield ')</h4><ul class="undetermined">'
        for l_1_reason in environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'undetermined'):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(l_1_reason)
            yield '</li>'
        l_1_reason = missing
        yield '</ul>'
    yield '</section>\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'referential_notes'):
        pass
        yield '<section id="limits" class="limits">\n<h2>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'limits'))
        yield '</h2>\n<p class="small">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'limits_intro'))
        yield '</p>\n<ul>'
        for l_1_note in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'referential_notes'):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(l_1_note)
            yield '</li>'
        l_1_note = missing
        yield '</ul>\n</section>\n'
    yield '<nav class="toc" aria-label="'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'toc'))
    yield '"><strong>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'toc'))
    yield '</strong>\n<ol>\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'referential_notes'):
        pass
        yield '<li><a href="#limits">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'limits'))
        yield '</a></li>'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'calendar'):
        pass
        yield '<li><a href="#calendar">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'calendar'))
        yield '</a></li>'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'sample'):
        pass
        yield '<li><a href="#sample">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sample'))
        yield '</a></li>'
    yield '<li><a href="#summary">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'summary'))
    yield '</a></li>\n<li><a href="#plan">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'plan'))
    yield '</a> ('
    yield escape(t_4(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'action_plan')))
    yield ')</li>\n<li><a href="#indicators">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'indicators'))
    yield '</a> ('
    yield escape(t_4(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'indicators')))
    yield ')</li>\n<li><a href="#na-waivers">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'na_waivers'))
    yield '</a></li>\n<li><a href="#display">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'obligations'))
    yield '</a></li>\n<li><a href="#evidence">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'evidence_map'))
    yield '</a> ('
    yield escape(t_4(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'evidence')))
    yield ')</li>\n'
    l_0_code_errors = t_5(context.eval_ctx, t_10(context, environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'errors'), 'kind', 'equalto', 'code'))
    context.vars['code_errors'] = l_0_code_errors
    context.exported_vars.add('code_errors')
    l_0_file_errors = t_5(context.eval_ctx, t_8(context, environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'errors'), 'kind', 'equalto', 'code'))
    context.vars['file_errors'] = l_0_file_errors
    context.exported_vars.add('file_errors')
    if (undefined(name='code_errors') if l_0_code_errors is missing else l_0_code_errors):
        pass
        yield '<li><a href="#code-errors">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'code_errors'))
        yield '</a> ('
        yield escape(t_4((undefined(name='code_errors') if l_0_code_errors is missing else l_0_code_errors)))
        yield ')</li>'
    yield '<li><a href="#errors">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'errors'))
    yield '</a> ('
    yield escape(t_4((undefined(name='file_errors') if l_0_file_errors is missing else l_0_file_errors)))
    yield ')</li>\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'sections'):
        pass
        yield '<li><a href="#sections">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sections'))
        yield '</a></li>'
    yield '</ol></nav>\n\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'calendar'):
        pass
        l_0_cal = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'calendar')
        context.vars['cal'] = l_0_cal
        context.exported_vars.add('cal')
        yield '<section id="calendar" class="calendar">\n<h2>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'calendar'))
        yield '</h2>\n<p class="countdown'
        yield escape((' past' if ((not t_12(environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'days_left'))) and (environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'days_left') < 0)) else cond_expr_undefined("the inline if-expression on line 300 in 'report.html.j2' evaluated to false and no else section was defined.")))
        yield '">'
        if t_12(environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'days_left')):
            pass
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'countdown_none'))
        elif (environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'days_left') > 0):
            pass
            yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'countdown'), 'format'), n=environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'days_left')))
        elif (environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'days_left') == 0):
            pass
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'countdown_today'))
        else:
            pass
            yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'countdown_past'), 'format'), n=(-environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'days_left'))))
        yield '</p>\n'
        if environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'next_step'):
            pass
            yield '<p class="next"><strong>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_next'))
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
            yield '</strong> '
            yield escape(environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'next_step'))
            yield '</p>'
        if (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline):
            pass
            yield '<svg class="timeline" role="img" aria-labelledby="timeline-t" viewBox="0 0 1000 94" width="100%" preserveAspectRatio="xMinYMin meet">\n<title id="timeline-t">'
            yield escape(environment.getattr((undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'title'))
            yield '</title>\n'
            for l_1_b in environment.getattr((undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'bands'):
                _loop_vars = {}
                pass
                yield '<rect x="'
                yield escape(t_2('%.2f', environment.getattr(l_1_b, 'x')))
                yield '" y="36" width="'
                yield escape(t_2('%.2f', environment.getattr(l_1_b, 'width')))
                yield '" height="18" class="'
                yield escape(environment.getattr(l_1_b, 'cls'))
                yield '"><title>'
                yield escape(environment.getattr(l_1_b, 'title'))
                yield '</title></rect>\n'
                if environment.getattr(l_1_b, 'label'):
                    pass
                    yield '<text x="'
                    yield escape(t_2('%.2f', (environment.getattr(l_1_b, 'x') + (environment.getattr(l_1_b, 'width') / 2))))
                    yield '" y="70" text-anchor="middle">'
                    yield escape(environment.getattr(l_1_b, 'label'))
                    yield '</text>'
            l_1_b = missing
            for l_1_m in environment.getattr((undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'marks'):
                _loop_vars = {}
                pass
                yield '<line x1="'
                yield escape(t_2('%.2f', environment.getattr(l_1_m, 'x')))
                yield '" x2="'
                yield escape(t_2('%.2f', environment.getattr(l_1_m, 'x')))
                yield '" y1="'
                yield escape(((environment.getattr(l_1_m, 'label_y') - 10) if (environment.getattr(l_1_m, 'label_y') < 36) else 30))
                yield '" y2="'
                yield escape((58 if (environment.getattr(l_1_m, 'label_y') < 36) else (environment.getattr(l_1_m, 'label_y') - 12)))
                yield '" class="'
                yield escape(environment.getattr(l_1_m, 'cls'))
                yield '"></line>\n<text x="'
                yield escape(t_2('%.2f', environment.getattr(l_1_m, 'label_x')))
                yield '" y="'
                yield escape(environment.getattr(l_1_m, 'label_y'))
                yield '" text-anchor="'
                yield escape(environment.getattr(l_1_m, 'anchor'))
                yield '" class="'
                yield escape(environment.getattr(l_1_m, 'cls'))
                yield '-l">'
                yield escape(environment.getattr(l_1_m, 'label'))
                yield '</text>\n'
            l_1_m = missing
            yield '</svg>\n'
        yield '<dl class="facts cal-facts">\n<dt>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_today'))
        yield '</dt><dd>'
        yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'today'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
        yield '</dd>\n<dt>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_audit'))
        yield '</dt><dd>'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'audit', environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'audit_type'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
        yield ', '
        yield escape((context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'audit_date'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)) if environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'audit_date') else environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'no_audit_date')))
        yield '</dd>\n'
        if (not t_12(environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'days_left'))):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_days_left'))
            yield '</dt><dd class="days-left">'
            yield escape(environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'days_left'))
            yield '</dd>'
        if environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'certified_on'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'certified_on'))
            yield '</dt><dd>'
            yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'certified_on'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
            if environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'validity_months'):
                pass
                yield ' ('
                yield escape(t_6(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_validity')))
                yield ' '
                yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_months'), 'format'), n=environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'validity_months')))
                yield ')'
            yield '</dd>\n<dt>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_expires'))
            yield '</dt><dd>'
            yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'expires_on'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
            yield '</dd>\n<dt>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_window'))
            yield '</dt><dd>'
            yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'surveillance_from'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
            yield ' – '
            yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'surveillance_until'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
            yield '</dd>\n<dt>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_renewal_from'))
            yield '</dt><dd>'
            yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'renewal_plan_from'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
            yield '</dd>\n<dt>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_renewal_by'))
            yield '</dt><dd>'
            yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'renewal_audit_by'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
            yield '</dd>\n'
        if environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'phase'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_phase'))
            yield '</dt><dd class="phase"><strong>'
            yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'phase', environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'phase'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
            yield '</strong></dd>'
        yield '</dl>\n'
        if environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'previous_nc'):
            pass
            yield '<h3>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_previous_nc'))
            yield '</h3>\n<table class="previous-nc">\n<thead><tr><th scope="col">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'indicator'))
            yield '</th><th scope="col">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'level'))
            yield '</th><th scope="col">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_notified'))
            yield '</th><th scope="col">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_deadline'))
            yield '</th><th scope="col">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'verification_by'))
            yield '</th><th scope="col">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_state'))
            yield '</th><th scope="col">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_note'))
            yield '</th></tr></thead>\n<tbody>\n'
            for l_1_nc in environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'previous_nc'):
                l_1_title_of = resolve('title_of')
                _loop_vars = {}
                pass
                yield '<tr class="nc-'
                yield escape(environment.getattr(l_1_nc, 'state'))
                yield '-row'
                yield escape((' overdue' if (environment.getattr(l_1_nc, 'state') == 'overdue') else cond_expr_undefined("the inline if-expression on line 334 in 'report.html.j2' evaluated to false and no else section was defined.")))
                yield '" data-state="'
                yield escape(environment.getattr(l_1_nc, 'state'))
                yield '">\n<td>'
                if (environment.getattr(l_1_nc, 'indicator') in (undefined(name='title_of') if l_1_title_of is missing else l_1_title_of)):
                    pass
                    yield '<a href="#ind-'
                    yield escape(environment.getattr(l_1_nc, 'indicator'))
                    yield '">'
                    yield escape(environment.getattr(l_1_nc, 'indicator'))
                    yield '</a><br><small>'
                    yield escape(environment.getitem((undefined(name='title_of') if l_1_title_of is missing else l_1_title_of), environment.getattr(l_1_nc, 'indicator')))
                    yield '</small>'
                else:
                    pass
                    yield escape(environment.getattr(l_1_nc, 'indicator'))
                yield '</td>\n<td>'
                yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'nc_level', environment.getattr(l_1_nc, 'level'), (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
                yield '</td>\n<td class="d">'
                yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr(l_1_nc, 'notified'), (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
                yield '</td>\n<td class="d">'
                yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr(l_1_nc, 'deadline'), (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
                yield '</td>\n<td class="d">'
                yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr(l_1_nc, 'verification_by'), (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
                yield '</td>\n<td><span class="badge nc-'
                yield escape(environment.getattr(l_1_nc, 'state'))
                yield '">'
                if (environment.getattr(l_1_nc, 'state') == 'overdue'):
                    pass
                    yield '&#9888; '
                yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'nc_state', environment.getattr(l_1_nc, 'state'), (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
                yield '</span>'
                if environment.getattr(l_1_nc, 'lifted'):
                    pass
                    yield '<br><small>'
                    yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr(l_1_nc, 'lifted'), (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
                    yield '</small>'
                elif (not t_12(environment.getattr(l_1_nc, 'days_left'))):
                    pass
                    yield '<br><small class="'
                    yield escape(('late' if (environment.getattr(l_1_nc, 'days_left') < 0) else cond_expr_undefined("the inline if-expression on line 340 in 'report.html.j2' evaluated to false and no else section was defined.")))
                    yield '">'
                    yield escape((context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_days_over'), 'format'), n=(-environment.getattr(l_1_nc, 'days_left')), _loop_vars=_loop_vars) if (environment.getattr(l_1_nc, 'days_left') < 0) else context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cal_days_to'), 'format'), n=environment.getattr(l_1_nc, 'days_left'), _loop_vars=_loop_vars)))
                    yield '</small>'
                yield '</td>\n<td><small>'
                yield escape(environment.getattr(l_1_nc, 'note'))
                yield '</small></td>\n</tr>\n'
            l_1_nc = l_1_title_of = missing
            yield '</tbody>\n</table>\n'
        if environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'warnings'):
            pass
            yield '<h3>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'warnings'))
            yield '</h3><ul class="warnings">'
            for l_1_w in environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'warnings'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(l_1_w)
                yield '</li>'
            l_1_w = missing
            yield '</ul>'
        if environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'provisional'):
            pass
            yield '<div class="prov small"><strong>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'provisional'))
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
            yield '</strong><ul>'
            for l_1_p in environment.getattr((undefined(name='cal') if l_0_cal is missing else l_0_cal), 'provisional'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(l_1_p)
                yield '</li>'
            l_1_p = missing
            yield '</ul></div>'
        yield '</section>\n'
    yield '\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'sample'):
        pass
        l_0_smp = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'sample')
        context.vars['smp'] = l_0_smp
        context.exported_vars.add('smp')
        yield '<section id="sample" class="sample">\n<h2>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sample'))
        yield '</h2>\n<p><strong>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'seed'))
        yield ' '
        yield escape(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'seed'))
        yield '</strong> ('
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'rerun'))
        yield ' <code>rnq sample --seed '
        yield escape(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'seed'))
        yield '</code>) · '
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'audit', environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'audit_type'), (undefined(name='lang') if l_0_lang is missing else l_0_lang)))
        yield '</p>\n<h3>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sites'))
        yield ' <small>('
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sites_count'), 'format'), count=t_4(environment.getattr(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'sites'), 'sites')), total=environment.getattr(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'sites'), 'total')))
        yield ')</small></h3>\n<p class="small"><strong>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'rule'))
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
        yield '</strong> '
        yield escape(environment.getattr(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'sites'), 'rule'))
        yield '</p>\n<table class="sample-sites">\n<thead><tr><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'site'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'units'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'why'))
        yield '</th></tr></thead>\n<tbody>\n'
        l_1_loop = missing
        for l_1_site, l_1_loop in LoopContext(environment.getattr(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'sites'), 'sites'), undefined):
            _loop_vars = {}
            pass
            yield '<tr data-site="'
            yield escape(environment.getattr(l_1_site, 'id'))
            yield '"><td><strong>'
            yield escape(environment.getattr(l_1_site, 'id'))
            yield '</strong>'
            if environment.getattr(l_1_site, 'central'):
                pass
                yield ' <span class="badge scope">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'central'))
                yield '</span>'
            if environment.getattr(l_1_site, 'audited_last'):
                pass
                yield '<br><small>'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'audited_last'))
                yield '</small>'
            yield '</td><td>'
            l_2_loop = missing
            for l_2_u, l_2_loop in LoopContext(environment.getattr(l_1_site, 'units'), undefined):
                _loop_vars = {}
                pass
                yield escape(context.call((undefined(name='unit_name') if l_0_unit_name is missing else l_0_unit_name), l_2_u, _loop_vars=_loop_vars))
                yield escape((', ' if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 363 in 'report.html.j2' evaluated to false and no else section was defined.")))
            l_2_loop = l_2_u = missing
            yield '</td><td>'
            yield escape(environment.getattr(l_1_site, 'why'))
            yield '</td></tr>\n'
        l_1_loop = l_1_site = missing
        yield '</tbody>\n</table>\n'
        if environment.getattr(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'sites'), 'notes'):
            pass
            yield '<ul class="cal-notes">'
            for l_1_note in environment.getattr(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'sites'), 'notes'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(l_1_note)
                yield '</li>'
            l_1_note = missing
            yield '</ul>'
        yield '<h3>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'offerings'))
        yield '</h3>\n<p class="small"><strong>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'rule'))
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
        yield '</strong> '
        yield escape(environment.getattr(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'offerings'), 'rule'))
        yield '</p>\n'
        for l_1_group in environment.getattr(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'offerings'), 'categories'):
            _loop_vars = {}
            pass
            yield '<h4>'
            yield escape(environment.getattr(l_1_group, 'category'))
            yield ' — '
            yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'offerings_count'), 'format'), count=environment.getattr(l_1_group, 'count'), candidates=environment.getattr(l_1_group, 'candidates'), _loop_vars=_loop_vars))
            yield '</h4>\n'
            if environment.getattr(l_1_group, 'offerings'):
                pass
                yield '<table class="sample-offerings">\n<thead><tr><th scope="col">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'offering'))
                yield '</th><th scope="col">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'unit'))
                yield '</th><th scope="col">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'why'))
                yield '</th></tr></thead>\n<tbody>\n'
                for l_2_o in environment.getattr(l_1_group, 'offerings'):
                    _loop_vars = {}
                    pass
                    yield '<tr data-offering="'
                    yield escape(environment.getattr(l_2_o, 'id'))
                    yield '"><td>'
                    yield escape(context.call((undefined(name='offering_name') if l_0_offering_name is missing else l_0_offering_name), environment.getattr(l_2_o, 'id'), _loop_vars=_loop_vars))
                    yield ' <small>('
                    yield escape(environment.getattr(l_2_o, 'id'))
                    yield ')</small>'
                    if environment.getattr(l_2_o, 'certifying'):
                        pass
                        yield ' <span class="badge scope">'
                        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'certifying'))
                        yield '</span>'
                    yield '</td><td>'
                    yield escape(context.call((undefined(name='unit_name') if l_0_unit_name is missing else l_0_unit_name), environment.getattr(l_2_o, 'unit'), _loop_vars=_loop_vars))
                    yield '</td><td>'
                    yield escape(environment.getattr(l_2_o, 'why'))
                    yield '</td></tr>\n'
                l_2_o = missing
                yield '</tbody>\n</table>\n'
            else:
                pass
                yield '<p class="empty">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'no_offering'))
                yield '</p>'
        l_1_group = missing
        if environment.getattr(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'offerings'), 'notes'):
            pass
            yield '<ul class="cal-notes">'
            for l_1_note in environment.getattr(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'offerings'), 'notes'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(l_1_note)
                yield '</li>'
            l_1_note = missing
            yield '</ul>'
        l_0_prov = (environment.getattr(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'sites'), 'provisional') + environment.getattr(environment.getattr((undefined(name='smp') if l_0_smp is missing else l_0_smp), 'offerings'), 'provisional'))
        context.vars['prov'] = l_0_prov
        context.exported_vars.add('prov')
        if (undefined(name='prov') if l_0_prov is missing else l_0_prov):
            pass
            yield '<div class="prov small"><strong>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'provisional'))
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
            yield '</strong><ul>'
            for l_1_p in (undefined(name='prov') if l_0_prov is missing else l_0_prov):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(l_1_p)
                yield '</li>'
            l_1_p = missing
            yield '</ul></div>'
        yield '</section>\n'
    yield '\n<section id="summary">\n<h2>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'summary'))
    yield '</h2>\n<ul class="counts">\n<li><b>'
    yield escape((environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'total') or t_4(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'indicators'))))
    yield '</b>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'indicators_total'))
    yield '</li>\n<li><b>'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'applicable'))
    yield '</b>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'applicable'))
    yield '</li>\n'
    for l_1_st in (undefined(name='statuses') if l_0_statuses is missing else l_0_statuses):
        _loop_vars = {}
        pass
        yield '<li><b>'
        yield escape((environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_applicable') if (l_1_st == 'not_applicable') else environment.getitem((undefined(name='s') if l_0_s is missing else l_0_s), l_1_st)))
        yield '</b>'
        yield escape(context.call((undefined(name='badge') if l_0_badge is missing else l_0_badge), l_1_st, _loop_vars=_loop_vars))
        yield '</li>\n'
    l_1_st = missing
    yield '</ul>\n<div class="card">\n<svg class="chart" role="img" aria-labelledby="chart-summary-t" viewBox="0 0 560 26" width="100%" preserveAspectRatio="xMinYMin meet">\n<title id="chart-summary-t">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'chart_summary'))
    yield ' : '
    l_1_loop = missing
    for l_1_seg, l_1_loop in LoopContext(environment.getattr((undefined(name='summary_chart') if l_0_summary_chart is missing else l_0_summary_chart), 'segments'), undefined):
        _loop_vars = {}
        pass
        yield escape(environment.getattr(l_1_seg, 'label'))
        yield ' '
        yield escape(environment.getattr(l_1_seg, 'count'))
        yield escape((', ' if (not environment.getattr(l_1_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 399 in 'report.html.j2' evaluated to false and no else section was defined.")))
    l_1_loop = l_1_seg = missing
    yield '</title>\n'
    for l_1_seg in environment.getattr((undefined(name='summary_chart') if l_0_summary_chart is missing else l_0_summary_chart), 'segments'):
        _loop_vars = {}
        pass
        yield '<rect x="'
        yield escape(t_2('%.2f', environment.getattr(l_1_seg, 'x')))
        yield '" y="2" width="'
        yield escape(t_2('%.2f', environment.getattr(l_1_seg, 'width')))
        yield '" height="22" class="f-'
        yield escape(environment.getattr(l_1_seg, 'status'))
        yield '"><title>'
        yield escape(environment.getattr(l_1_seg, 'label'))
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
        yield ' '
        yield escape(environment.getattr(l_1_seg, 'count'))
        yield '</title></rect>\n'
    l_1_seg = missing
    yield '</svg>\n<ul class="legend">'
    for l_1_st in (undefined(name='statuses') if l_0_statuses is missing else l_0_statuses):
        _loop_vars = {}
        pass
        yield '<li><i class="sw-'
        yield escape(l_1_st)
        yield '"></i>'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'status', l_1_st, (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
        yield '</li>'
    l_1_st = missing
    yield '</ul>\n</div>\n<div class="grid" style="margin-top:1.2rem">\n<div class="card"><h3>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'by_criterion'))
    yield '</h3>\n'
    yield escape(context.call((undefined(name='bars') if l_0_bars is missing else l_0_bars), 'chart-criteria', environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'by_criterion'), (undefined(name='criterion_chart') if l_0_criterion_chart is missing else l_0_criterion_chart)))
    yield '\n</div>\n<div class="card"><h3>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'by_unit'))
    yield '</h3>\n'
    yield escape(context.call((undefined(name='bars') if l_0_bars is missing else l_0_bars), 'chart-units', environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'by_unit'), (undefined(name='unit_chart') if l_0_unit_chart is missing else l_0_unit_chart)))
    yield '\n</div>\n</div>\n</section>\n\n<section id="plan">\n<h2>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'plan'))
    yield ' <small class="count" data-count="plan"></small></h2>\n<p class="small">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'plan_intro'))
    yield '</p>\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'action_plan'):
        pass
        yield '<table class="plan">\n<thead><tr><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'level'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'indicator'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'unit'))
        yield ' / '
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'offering'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'action'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'owner'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'due'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'deadline_if_raised'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'verification_by'))
        yield '</th></tr></thead>\n<tbody>\n'
        yield escape(context.call((undefined(name='plan_rows') if l_0_plan_rows is missing else l_0_plan_rows), environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'action_plan')[:(undefined(name='plan_shown') if l_0_plan_shown is missing else l_0_plan_shown)]))
        yield '</tbody>\n'
        if (t_4(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'action_plan')) > (undefined(name='plan_shown') if l_0_plan_shown is missing else l_0_plan_shown)):
            pass
            t_20 = []
            pass
            t_20.append(
                escape(context.call((undefined(name='plan_rows') if l_0_plan_rows is missing else l_0_plan_rows), environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'action_plan')[(undefined(name='plan_shown') if l_0_plan_shown is missing else l_0_plan_shown):])),
            )
            l_0_rest = (Markup if context.eval_ctx.autoescape else identity)(concat(t_20))
            context.vars['rest'] = l_0_rest
            context.exported_vars.add('rest')
            yield '<tfoot><tr><td colspan="8"><button type="button" class="more" id="plan-more" data-more="'
            yield escape(context.call((undefined(name='defer') if l_0_defer is missing else l_0_defer), (undefined(name='rest') if l_0_rest is missing else l_0_rest)))
            yield '">'
            yield escape(t_9(context.eval_ctx, environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'more_actions'), '{n}', t_11((t_4(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'action_plan')) - (undefined(name='plan_shown') if l_0_plan_shown is missing else l_0_plan_shown)))))
            yield '</button></td></tr></tfoot>\n'
        yield '</table>\n'
    else:
        pass
        yield '<p class="empty">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'plan_empty'))
        yield '</p>'
    yield '</section>\n\n<section id="indicators">\n<h2>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'indicators'))
    yield ' <small class="count" data-count="ind"></small></h2>\n'
    for l_1_v in (undefined(name='indicators') if l_0_indicators is missing else l_0_indicators):
        l_1_unit_statuses = resolve('unit_statuses')
        l_1_per_offering = resolve('per_offering')
        l_1_offerings_shown = resolve('offerings_shown')
        l_1_findings_table = resolve('findings_table')
        l_1_r = missing
        _loop_vars = {}
        pass
        l_1_r = environment.getattr(l_1_v, 'result')
        _loop_vars['r'] = l_1_r
        yield '<article class="ind fx'
        yield escape((' na' if ((not environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'applicable')) or (environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'status') == 'not_applicable')) else cond_expr_undefined("the inline if-expression on line 436 in 'report.html.j2' evaluated to false and no else section was defined.")))
        yield escape((' ok' if (((environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'status') == 'conform') and (not environment.getattr(l_1_v, 'issues'))) and (not environment.getattr(l_1_v, 'advice'))) else cond_expr_undefined("the inline if-expression on line 436 in 'report.html.j2' evaluated to false and no else section was defined.")))
        yield '" id="ind-'
        yield escape(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'number'))
        yield '" data-c="'
        yield escape(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'criterion'))
        yield '" data-s="'
        yield escape(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'status'))
        yield '" data-u="'
        yield escape(environment.getattr(l_1_v, 'unit_tokens'))
        yield '" data-k="'
        yield escape((1 if environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'surveillance_scope') else 0))
        yield '" data-a="'
        yield escape((1 if environment.getattr(l_1_v, 'advice') else 0))
        yield '">\n<header><span class="num">'
        yield escape(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'number'))
        yield '</span><h3>'
        yield escape(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'title'))
        yield '</h3>'
        yield escape(context.call((undefined(name='badge') if l_0_badge is missing else l_0_badge), environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'status'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_v, 'advice'):
            pass
            yield '<span class="badge o-advice" title="'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'advice_note'))
            yield '">'
            yield escape(t_4(environment.getattr(l_1_v, 'advice')))
            yield ' '
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'advice_short'))
            yield '</span>'
        if environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'provisional'):
            pass
            yield '<span class="badge prov">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'provisional'))
            yield '</span>'
        if environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'surveillance_scope'):
            pass
            yield '<span class="badge scope" title="'
            yield escape((environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'scope_reason') or ''))
            yield '">'
            yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'scope', 'surveillance_scope', (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
            yield '</span>'
        if environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'process_only'):
            pass
            yield '<span class="badge process" title="'
            yield escape((environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'scope_reason') or ''))
            yield '">'
            yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'scope', 'process_only', (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
            yield '</span>'
        yield '<small>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'criterion'))
        yield ' '
        yield escape(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'criterion'))
        yield ' — '
        yield escape(environment.getattr(l_1_v, 'criterion_name'))
        yield '</small></header>\n<div class="body">\n'
        if environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'reason'):
            pass
            yield '<p><strong>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'reason'))
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
            yield '</strong> '
            yield escape(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'reason'))
            yield '</p>'
        if environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'scope_reason'):
            pass
            yield '<p class="small scope">'
            yield escape(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'scope_reason'))
            yield '</p>'
        if (environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'applicable') and (environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'status') != 'not_applicable')):
            pass
            yield '<dl class="facts">\n'
            if environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'nc_weighting'):
                pass
                yield '<dt>'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'weighting'))
                yield '</dt><dd>'
                yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'weighting', environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'nc_weighting'), (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
                yield '</dd>'
            if environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'assessed_at'):
                pass
                yield '<dt>'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'assessed_at'))
                yield '</dt><dd>'
                yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'assessed_at', environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'assessed_at'), (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
                yield '</dd>'
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'expected_level'))
            yield '</dt><dd>'
            yield escape((environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'expected_level') or environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'no_expected_level')))
            yield '</dd>\n</dl>\n'
            if environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'provisional_notes'):
                pass
                yield '<div class="prov"><strong>'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'provisional_notes'))
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
                yield '</strong><ul>'
                for (l_2_key, l_2_note) in t_1(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'provisional_notes')):
                    _loop_vars = {}
                    pass
                    yield '<li>'
                    yield escape(l_2_note)
                    yield '</li>'
                l_2_key = l_2_note = missing
                yield '</ul></div>'
            for l_2_old in environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'previous_nc'):
                _loop_vars = {}
                pass
                yield '<p class="prevnc"><strong>'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'previous_nc'))
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
                yield '</strong> '
                yield escape(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), environment.getattr(l_2_old, 'level')))
                yield ' '
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'notified'))
                yield ' '
                yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr(l_2_old, 'notified'), (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
                yield ', '
                if environment.getattr(l_2_old, 'lifted'):
                    pass
                    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'lifted'))
                    yield ' '
                    yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getattr(l_2_old, 'lifted'), (undefined(name='lang') if l_0_lang is missing else l_0_lang), _loop_vars=_loop_vars))
                else:
                    pass
                    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'not_lifted'))
                if environment.getattr(l_2_old, 'still_failing'):
                    pass
                    yield ', '
                    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'still_failing'))
                if environment.getattr(l_2_old, 'requalified'):
                    pass
                    yield ' — <strong>'
                    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'requalified'))
                    yield '</strong>'
                yield '</p>'
            l_2_old = missing
            if environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'units'):
                pass
                yield '<h4>'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'per_unit'))
                yield '</h4><ul class="statuses">'
                yield escape(context.call((undefined(name='unit_statuses') if l_1_unit_statuses is missing else l_1_unit_statuses), environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'units'), _loop_vars=_loop_vars))
                yield '</ul>'
            if environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'offerings'):
                pass
                l_2_offering_statuses = resolve('offering_statuses')
                t_21 = []
                pass
                t_21.extend((
                    '<ul class="statuses">',
                    escape(context.call((undefined(name='offering_statuses') if l_2_offering_statuses is missing else l_2_offering_statuses), environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'offerings'))),
                    '</ul>',
                ))
                l_1_per_offering = (Markup if context.eval_ctx.autoescape else identity)(concat(t_21))
                _loop_vars['per_offering'] = l_1_per_offering
                l_2_offering_statuses = missing
                if (t_4(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'offerings')) > (undefined(name='offerings_shown') if l_1_offerings_shown is missing else l_1_offerings_shown)):
                    pass
                    yield '<details data-more="'
                    yield escape(context.call((undefined(name='defer') if l_0_defer is missing else l_0_defer), (undefined(name='per_offering') if l_1_per_offering is missing else l_1_per_offering), _loop_vars=_loop_vars))
                    yield '"><summary>'
                    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'per_offering'))
                    yield ' ('
                    yield escape(t_4(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'offerings')))
                    yield ')</summary></details>'
                else:
                    pass
                    yield '<h4>'
                    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'per_offering'))
                    yield '</h4>'
                    yield escape((undefined(name='per_offering') if l_1_per_offering is missing else l_1_per_offering))
            if environment.getattr(l_1_v, 'issues'):
                pass
                yield '<h4>'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'findings'))
                yield ' ('
                yield escape(t_4(environment.getattr(l_1_v, 'issues')))
                yield ')</h4>\n'
                if environment.getattr(l_1_v, 'shared_fix'):
                    pass
                    yield '<div class="fix"><strong>'
                    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'fix'))
                    yield '</strong>'
                    yield escape(t_7(environment.getattr(l_1_v, 'shared_fix')))
                    yield '</div>'
                yield escape(context.call((undefined(name='findings_table') if l_1_findings_table is missing else l_1_findings_table), environment.getattr(l_1_v, 'issues'), environment.getattr(l_1_v, 'shared_fix'), _loop_vars=_loop_vars))
            if environment.getattr(l_1_v, 'advice'):
                pass
                yield '<h4>'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'advice_title'))
                yield ' ('
                yield escape(t_4(environment.getattr(l_1_v, 'advice')))
                yield ')</h4>\n<p class="small">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'advice_note'))
                yield '</p>\n'
                yield escape(context.call((undefined(name='findings_table') if l_1_findings_table is missing else l_1_findings_table), environment.getattr(l_1_v, 'advice'), _loop_vars=_loop_vars))
            if environment.getattr(l_1_v, 'others'):
                pass
                yield escape(context.call((undefined(name='closed_findings') if l_0_closed_findings is missing else l_0_closed_findings), markup_join(((environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'other_findings') if environment.getattr(l_1_v, 'issues') else environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'findings')), ' (', t_4(environment.getattr(l_1_v, 'others')), ')', )), environment.getattr(l_1_v, 'others'), _loop_vars=_loop_vars))
            if (not environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'findings')):
                pass
                yield '<p class="empty">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'no_finding'))
                yield '</p>'
        else:
            pass
            if environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'findings'):
                pass
                yield escape(context.call((undefined(name='closed_findings') if l_0_closed_findings is missing else l_0_closed_findings), markup_join((environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'findings'), ' (', t_4(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'findings')), ')', )), environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'findings'), _loop_vars=_loop_vars))
        yield '</div>\n</article>\n'
    l_1_v = l_1_r = l_1_unit_statuses = l_1_per_offering = l_1_offerings_shown = l_1_findings_table = missing
    yield '</section>\n\n<section id="na-waivers">\n<h2>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'na_waivers'))
    yield '</h2>\n<h3>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'na_title'))
    yield '</h3>\n'
    l_0_na = t_5(context.eval_ctx, t_10(context, environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'indicators'), 'status', 'equalto', 'not_applicable'))
    context.vars['na'] = l_0_na
    context.exported_vars.add('na')
    if (undefined(name='na') if l_0_na is missing else l_0_na):
        pass
        yield '<table class="na">\n<thead><tr><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'indicator'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'reason'))
        yield '</th></tr></thead>\n<tbody>\n'
        for l_1_r in (undefined(name='na') if l_0_na is missing else l_0_na):
            _loop_vars = {}
            pass
            yield '<tr class="fx" data-c="'
            yield escape(environment.getattr(l_1_r, 'criterion'))
            yield '" data-s="not_applicable" data-u="" data-k="0"><td><a href="#ind-'
            yield escape(environment.getattr(l_1_r, 'number'))
            yield '">'
            yield escape(environment.getattr(l_1_r, 'number'))
            yield '</a> '
            yield escape(environment.getattr(l_1_r, 'title'))
            yield '</td><td>'
            yield escape((environment.getattr(l_1_r, 'reason') or '—'))
            yield '</td></tr>\n'
        l_1_r = missing
        yield '</tbody>\n</table>\n'
    else:
        pass
        yield '<p class="empty">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'na_none'))
        yield '</p>'
    yield '<h3 style="margin-top:1.2rem">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'waivers_title'))
    yield '</h3>\n'
    if (undefined(name='waived') if l_0_waived is missing else l_0_waived):
        pass
        yield '<table class="waivers">\n<thead><tr><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'indicator'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'unit'))
        yield ' / '
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'offering'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'message'))
        yield '</th></tr></thead>\n<tbody>\n'
        for (l_1_r, l_1_f) in (undefined(name='waived') if l_0_waived is missing else l_0_waived):
            _loop_vars = {}
            pass
            yield '<tr class="fx" data-c="'
            yield escape(environment.getattr(l_1_r, 'criterion'))
            yield '" data-s="waived" data-u="'
            yield escape((environment.getattr(l_1_f, 'unit') or ''))
            yield '" data-k="'
            yield escape((1 if environment.getattr(l_1_r, 'surveillance_scope') else 0))
            yield '"><td><a href="#ind-'
            yield escape(environment.getattr(l_1_r, 'number'))
            yield '">'
            yield escape(environment.getattr(l_1_r, 'number'))
            yield '</a> '
            yield escape(environment.getattr(l_1_r, 'title'))
            yield '</td><td>'
            yield escape(context.call((undefined(name='unit_name') if l_0_unit_name is missing else l_0_unit_name), environment.getattr(l_1_f, 'unit'), _loop_vars=_loop_vars))
            if environment.getattr(l_1_f, 'offering'):
                pass
                yield '<br><small>'
                yield escape(context.call((undefined(name='offering_name') if l_0_offering_name is missing else l_0_offering_name), environment.getattr(l_1_f, 'offering'), _loop_vars=_loop_vars))
                yield '</small>'
            yield '</td><td>'
            yield escape(environment.getattr(l_1_f, 'message'))
            yield '</td></tr>\n'
        l_1_r = l_1_f = missing
        yield '</tbody>\n</table>\n'
    else:
        pass
        yield '<p class="empty">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'waivers_none'))
        yield '</p>'
    yield '</section>\n\n<section id="display">\n<h2>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'obligations'))
    yield '</h2>\n'
    t_22 = 1
    for l_1_o in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'obligations'):
        l_1_unit_statuses = resolve('unit_statuses')
        l_1_findings_table = resolve('findings_table')
        _loop_vars = {}
        pass
        yield '<article class="ind" id="obligation-'
        yield escape(environment.getattr(l_1_o, 'id'))
        yield '">\n<header><h3>'
        yield escape(environment.getattr(l_1_o, 'title'))
        yield '</h3>'
        yield escape(context.call((undefined(name='badge') if l_0_badge is missing else l_0_badge), environment.getattr(l_1_o, 'status'), _loop_vars=_loop_vars))
        yield '<small>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'applies'))
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
        yield ' '
        yield escape((environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'yes') if environment.getattr(l_1_o, 'applies') else environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'no')))
        yield '</small></header>\n<div class="body">\n'
        if environment.getattr(l_1_o, 'reason'):
            pass
            yield '<p><strong>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'reason'))
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'colon'))
            yield '</strong> '
            yield escape(environment.getattr(l_1_o, 'reason'))
            yield '</p>'
        if environment.getattr(l_1_o, 'units'):
            pass
            yield '<ul class="statuses">'
            yield escape(context.call((undefined(name='unit_statuses') if l_1_unit_statuses is missing else l_1_unit_statuses), environment.getattr(l_1_o, 'units'), _loop_vars=_loop_vars))
            yield '</ul>'
        if environment.getattr(l_1_o, 'findings'):
            pass
            yield escape(context.call((undefined(name='findings_table') if l_1_findings_table is missing else l_1_findings_table), environment.getattr(l_1_o, 'findings'), _loop_vars=_loop_vars))
        yield '</div>\n</article>\n'
        t_22 = 0
    l_1_o = l_1_unit_statuses = l_1_findings_table = missing
    if t_22:
        pass
        yield '<p class="empty">—</p>\n'
    yield '</section>\n\n<section id="evidence">\n<h2>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'evidence_map'))
    yield '</h2>\n<p class="print-only small">'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'evidence_print'), 'format'), n=t_4(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'evidence'))))
    yield '</p>\n<p class="small">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'evidence_intro'))
    yield '</p>\n<div class="ev-controls" style="display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:center;margin:.4rem 0 .6rem">\n<label class="small">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'indicator'))
    yield ' <select id="e-ind">\n<option value="">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'all_indicators'))
    yield '</option>\n'
    for l_1_r in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'indicators'):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(environment.getattr(l_1_r, 'number'))
        yield '">'
        yield escape(environment.getattr(l_1_r, 'number'))
        yield '. '
        yield escape(environment.getattr(l_1_r, 'title'))
        yield '</option>\n'
    l_1_r = missing
    yield '</select></label>\n<label class="small">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'search'))
    yield ' <input type="search" id="e-text" placeholder="'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'search_placeholder'))
    yield '"></label>\n</div>\n<p class="count" id="e-count" aria-live="polite"></p>\n<noscript><p class="empty">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'noscript'))
    yield '</p></noscript>\n<table class="evidence">\n<thead><tr><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'path'))
    yield '</th><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'unit'))
    yield '</th><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'offering'))
    yield '</th><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'indicators'))
    yield '</th><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'kind'))
    yield '</th><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'stakeholder'))
    yield '</th><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'date'))
    yield '</th><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'valid_until'))
    yield '</th><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'mapped_by'))
    yield '</th><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'read'))
    yield '</th></tr></thead>\n<tbody id="e-rows"></tbody>\n</table>\n<h3 style="margin-top:1.4rem">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'unmapped'))
    yield '</h3>\n<p class="count" id="u-count" aria-live="polite"></p>\n<table class="unmapped">\n<thead><tr><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'path'))
    yield '</th><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'unit'))
    yield '</th><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'kind'))
    yield '</th><th scope="col">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'reason'))
    yield '</th></tr></thead>\n<tbody id="u-rows"></tbody>\n</table>\n</section>\n\n'
    if (undefined(name='code_errors') if l_0_code_errors is missing else l_0_code_errors):
        pass
        yield '<section id="code-errors">\n<h2>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'code_errors'))
        yield '</h2>\n<p class="small">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'code_errors_intro'))
        yield '</p>\n<table class="errors code-errors">\n<thead><tr><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'path'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'message'))
        yield '</th></tr></thead>\n<tbody>\n'
        for l_1_e in (undefined(name='code_errors') if l_0_code_errors is missing else l_0_code_errors):
            _loop_vars = {}
            pass
            yield '<tr><td><code>'
            yield escape(environment.getattr(l_1_e, 'path'))
            if environment.getattr(l_1_e, 'line'):
                pass
                yield ':'
                yield escape(environment.getattr(l_1_e, 'line'))
            yield '</code></td><td>'
            yield escape(environment.getattr(l_1_e, 'message'))
            yield '</td></tr>\n'
        l_1_e = missing
        yield '</tbody>\n</table>\n</section>\n'
    yield '\n<section id="errors">\n<h2>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'errors'))
    yield '</h2>\n'
    if (undefined(name='file_errors') if l_0_file_errors is missing else l_0_file_errors):
        pass
        yield '<p class="small">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'errors_intro'))
        yield '</p>\n<table class="errors">\n<thead><tr><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'path'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'message'))
        yield '</th></tr></thead>\n<tbody>\n'
        for l_1_e in (undefined(name='file_errors') if l_0_file_errors is missing else l_0_file_errors):
            _loop_vars = {}
            pass
            yield '<tr><td><code>'
            yield escape(environment.getattr(l_1_e, 'path'))
            if environment.getattr(l_1_e, 'line'):
                pass
                yield ':'
                yield escape(environment.getattr(l_1_e, 'line'))
            yield '</code></td><td>'
            yield escape(environment.getattr(l_1_e, 'message'))
            yield '</td></tr>\n'
        l_1_e = missing
        yield '</tbody>\n</table>\n'
    else:
        pass
        yield '<p class="empty">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'errors_none'))
        yield '</p>'
    yield '</section>\n\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'sections'):
        pass
        yield '<section id="sections">\n<h2>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'sections'))
        yield '</h2>\n'
        for l_1_sec in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'sections'):
            _loop_vars = {}
            pass
            yield '<article class="card plugin-section" style="margin-bottom:1rem">\n<h3>'
            yield escape(environment.getattr(l_1_sec, 'title'))
            yield ' <small>('
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'plugin'))
            yield ' '
            yield escape(environment.getattr(l_1_sec, 'plugin'))
            yield ')</small></h3>\n<div class="md">'
            yield escape(t_7(environment.getattr(l_1_sec, 'markdown')))
            yield '</div>\n</article>\n'
        l_1_sec = missing
        yield '</section>\n'
    yield '</main>\n<footer>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'footer'))
    yield '</footer>\n<script type="application/json" id="rnq-data">'
    yield escape((undefined(name='island') if l_0_island is missing else l_0_island))
    yield '</script>\n<script>'
    yield from context.blocks['script'][0](context)
    yield '</script>\n</body>\n</html>\n'

def block_script(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield '\n(function () {\n  "use strict";\n  var data = JSON.parse(document.getElementById("rnq-data").textContent);\n  var byId = function (id) { return document.getElementById(id); };\n  var fUnit = byId("f-unit"), fCrit = byId("f-crit"), fStatus = byId("f-status");\n  var fScope = byId("f-scope"), fAdvice = byId("f-advice");\n  var eInd = byId("e-ind"), eText = byId("e-text");\n\n  function parseUnits(raw) {\n    var units = {};\n    raw.split(" ").forEach(function (token) {\n      if (!token) { return; }\n      var at = token.lastIndexOf(":");\n      if (at < 0) { units[token] = ""; } else { units[token.slice(0, at)] = token.slice(at + 1); }\n    });\n    return units;\n  }\n  function filtered(el, c, s, u, k, group, a) {\n    var units = parseUnits(u);\n    return { el: el, c: c, s: s, units: units, global: Object.keys(units).length === 0,\n             group: group, k: k, a: a };\n  }\n  var full = [], byUnit = [];\n  function scan() {\n    full = Array.prototype.map.call(document.querySelectorAll(".fx"), function (el) {\n      var group = el.tagName === "ARTICLE" ? "ind" : (el.closest(".plan") ? "plan" : "");\n      return filtered(el, el.getAttribute("data-c") || "", el.getAttribute("data-s") || "",\n                      el.getAttribute("data-u") || "", el.getAttribute("data-k") === "1", group,\n                      el.getAttribute("data-a") === "1");\n    });\n    byUnit = Array.prototype.map.call(document.querySelectorAll(".fu"), function (el) {\n      return { el: el, u: el.getAttribute("data-u") || "" };\n    });\n  }\n  scan();\n  // Action items not written in the page yet: counted from the data island.\n  var planRest = data.plan_rest.map(function (r) {\n    return filtered(null, r[0], r[1], r[2], r[3] === 1, "plan", r[4] === 1);\n  });\n\n  var locale = document.documentElement.lang || "fr";\n  function format(text, values) {\n    return text.replace(/\\{(\\w+)\\}/g, function (_, key) { return values[key].toLocaleString(locale); });\n  }\n\n  function applyTop() {\n    var unit = fUnit.value, crit = fCrit.value, status = fStatus.value;\n    var scopeOnly = !!(fScope && fScope.checked);\n    var adviceOnly = !!(fAdvice && fAdvice.checked);\n    var shown = { ind: 0, plan: 0 }, total = { ind: 0, plan: 0 }, waiting = 0;\n    function keep(item) {\n      var ok = !crit || item.c === crit;\n      if (ok && scopeOnly) { ok = item.k; }\n      if (ok && adviceOnly) { ok = item.a; }\n      if (ok && unit) { ok = item.global || Object.prototype.hasOwnProperty.call(item.units, unit); }\n      if (ok && status) {\n        var own = unit && item.units[unit] ? item.units[unit] : item.s;\n        ok = own === status;\n      }\n      if (item.group) { total[item.group] += 1; if (ok) { shown[item.group] += 1; } }\n      return ok;\n    }\n    full.forEach(function (item) { item.el.hidden = !keep(item); });\n    planRest.forEach(function (item) { if (keep(item)) { waiting += 1; } });\n    var more = byId("plan-more");\n    if (more) {\n      more.textContent = format(data.t.more_actions, { n: waiting });\n      more.hidden = waiting === 0;\n    }\n    byUnit.forEach(function (item) { item.el.hidden = !!(unit && item.u && item.u !== unit); });\n    Array.prototype.forEach.call(document.querySelectorAll("[data-count]"), function (el) {\n      var key = el.getAttribute("data-count");\n      el.textContent = shown[key] + " / " + total[key];\n    });\n    byId("f-count").textContent = format(data.t.count_top, { ind: shown.ind, ind_total: total.ind,\n                                                           plan: shown.plan, plan_total: total.plan });\n    renderEvidence();\n  }\n\n  function cell(row, text, code) {\n    var td = document.createElement("td");\n    if (code) { var c = document.createElement("code"); c.textContent = text; td.appendChild(c); }\n    else { td.textContent = text == null || text === "" ? "\\u2014" : text; }\n    row.appendChild(td);\n  }\n\n  var evidence = data.evidence, unmapped = data.unmapped;\n  var evText = null, unText = null;\n  function lowered(rows, pick) { return rows.map(function (r) { return pick(r).join(" ").toLowerCase(); }); }\n\n  function renderEvidence() {\n    var unit = fUnit.value, crit = fCrit.value, ind = eInd.value ? Number(eInd.value) : 0;\n    var text = eText.value.trim().toLowerCase();\n    if (text && evText === null) {\n      evText = lowered(evidence, function (r) { return [r[0], r[3] || "", r[4] || "", r[5] || ""]; });\n      unText = lowered(unmapped, function (r) { return [r[0], r[2] || "", r[3]]; });\n    }\n    var body = byId("e-rows"), frag = document.createDocumentFragment(), count = 0, shown = 0;\n    for (var i = 0; i < evidence.length; i++) {\n      var r = evidence[i];\n      if (unit && r[1] !== unit) { continue; }\n      if (ind && r[2].indexOf(ind) < 0) { continue; }\n      if (crit && !r[2].some(function (n) { return String(data.criterion[n]) === crit; })) { continue; }\n      if (text && evText[i].indexOf(text) < 0) { continue; }\n      count += 1;\n      if (shown >= data.cap) { continue; }\n      shown += 1;\n      var tr = document.createElement("tr");\n      cell(tr, r[0], true);\n      cell(tr, data.units[r[1]] || r[1]);\n      cell(tr, r[3]);\n      cell(tr, r[2].join(", "));\n      cell(tr, r[4]);\n      cell(tr, r[5]);\n      cell(tr, r[6]);\n      cell(tr, r[7]);\n      cell(tr, data.mapped_by[r[8]] || r[8]);\n      cell(tr, r[9] ? (data.read[r[9]] || r[9]) : "");\n      frag.appendChild(tr);\n    }\n    body.replaceChildren(frag);\n    var label = format(data.t.count_evidence, { n: count });\n    if (count > shown) { label += " " + format(data.t.count_capped, { shown: shown }); }\n    byId("e-count").textContent = label;\n\n    var ubody = byId("u-rows"), ufrag = document.createDocumentFragment(), ucount = 0, ushown = 0;\n    for (var j = 0; j < unmapped.length; j++) {\n      var u = unmapped[j];\n      if (unit && u[1] !== unit) { continue; }\n      if (text && unText[j].indexOf(text) < 0) { continue; }\n      ucount += 1;\n      if (ushown >= data.cap) { continue; }\n      ushown += 1;\n      var utr = document.createElement("tr");\n      cell(utr, u[0], true);\n      cell(utr, u[1] ? (data.units[u[1]] || u[1]) : "");\n      cell(utr, u[2]);\n      cell(utr, u[3]);\n      ufrag.appendChild(utr);\n    }\n    ubody.replaceChildren(ufrag);\n    var ulabel = format(data.t.count_unmapped, { n: ucount });\n    if (ucount > ushown) { ulabel += " " + format(data.t.count_capped, { shown: ushown }); }\n    byId("u-count").textContent = ulabel;\n  }\n\n  var pending = 0;\n  function later() { clearTimeout(pending); pending = setTimeout(renderEvidence, 120); }\n  [fUnit, fCrit, fStatus].forEach(function (el) { el.addEventListener("change", applyTop); });\n  if (fScope) { fScope.addEventListener("change", applyTop); }\n  if (fAdvice) { fAdvice.addEventListener("change", applyTop); }\n  eInd.addEventListener("change", renderEvidence);\n  eText.addEventListener("input", later);\n  byId("f-reset").addEventListener("click", function () {\n    fUnit.value = ""; fCrit.value = ""; fStatus.value = ""; eInd.value = ""; eText.value = "";\n    if (fScope) { fScope.checked = false; }\n    if (fAdvice) { fAdvice.checked = false; }\n    applyTop();\n  });\n  // Long lists wait in the data island (data.more, HTML escaped when the page was written)\n  // until they are asked for: a button under a table, or a closed <details> being opened.\n  function fill(el) {\n    var key = el.getAttribute("data-more");\n    if (!key) { return false; }\n    el.removeAttribute("data-more");\n    var html = data.more[key] || "";\n    if (el.tagName === "DETAILS") {\n      el.insertAdjacentHTML("beforeend", html);\n    } else {\n      var table = el.closest("table");\n      table.tBodies[0].insertAdjacentHTML("beforeend", html);\n      if (table.classList.contains("plan")) { planRest = []; }\n      table.deleteTFoot();\n    }\n    return true;\n  }\n  function fillAll(elements) {\n    var any = false;\n    Array.prototype.forEach.call(elements, function (el) { any = fill(el) || any; });\n    if (any) { scan(); applyTop(); }\n  }\n  document.addEventListener("click", function (event) {\n    var button = event.target.closest ? event.target.closest("button.more") : null;\n    if (button) { fillAll([button]); }\n  });\n  document.addEventListener("toggle", function (event) {\n    var d = event.target;\n    if (d.tagName === "DETAILS" && d.open && d.hasAttribute("data-more")) { fillAll([d]); }\n  }, true);\n  // Printed: every gap, advice and fix, but passed findings only as their count (details.others)\n  // and no evidence map.\n  var printed = "[data-more]:not(.others):not(.others *):not(#evidence *)";\n  window.addEventListener("beforeprint", function () {\n    while (document.querySelector(printed)) { fillAll(document.querySelectorAll(printed)); }\n    Array.prototype.forEach.call(document.querySelectorAll("details:not(.others)"), function (d) { d.open = true; });\n  });\n  applyTop();\n})();\n'

blocks = {'script': block_script}
debug_info = '2=110&3=117&5=125&6=132&8=140&9=147&11=152&12=159&14=164&15=174&17=201&18=212&19=216&20=221&21=226&22=228&23=233&24=238&26=255&31=267&32=270&34=274&37=276&42=278&221=282&223=284&224=297&225=301&226=305&227=313&228=317&231=321&232=323&233=325&234=327&237=337&238=339&239=341&242=353&243=355&244=357&247=367&249=372&251=378&255=380&257=383&258=385&259=387&262=400&263=402&264=404&265=406&266=408&267=423&268=436&269=468&271=484&273=487&274=489&275=491&278=500&280=504&281=509&282=514&283=520&284=522&285=526&286=530&287=532&288=534&289=538&290=541&291=544&292=552&293=556&296=562&297=564&299=568&300=570&301=585&302=593&304=596&305=598&306=602&307=610&309=618&310=622&311=632&316=645&317=649&318=655&319=662&320=665&321=676&322=680&323=686&324=690&326=694&328=702&329=705&331=707&333=721&334=726&335=732&336=745&337=747&338=749&339=751&340=753&341=773&347=777&348=790&352=806&353=808&355=812&356=814&357=824&358=828&360=833&362=840&363=844&367=871&368=883&369=885&370=890&371=894&372=898&374=901&376=907&377=911&381=932&383=935&384=946&385=949&390=965&392=967&393=971&394=975&399=985&400=997&401=1001&404=1014&407=1024&408=1026&410=1028&411=1030&417=1032&418=1034&419=1036&421=1039&423=1057&424=1059&425=1064&426=1070&429=1078&433=1081&434=1083&435=1091&436=1094&437=1109&439=1149&440=1157&441=1162&443=1165&444=1172&445=1180&447=1184&448=1198&449=1230&450=1237&451=1265&452=1272&453=1279&454=1280&455=1287&456=1289&457=1290&458=1293&460=1300&468=1306&469=1308&470=1310&471=1313&473=1316&475=1320&479=1339&480=1342&481=1344&483=1347&485=1355&489=1385&493=1388&494=1391&495=1397&496=1399&498=1408&499=1416&500=1421&508=1431&509=1433&510=1435&512=1437&513=1439&514=1441&517=1453&520=1457&522=1459&525=1479&528=1481&533=1489&535=1492&536=1494&538=1496&540=1500&548=1515&549=1517&550=1520&552=1522&554=1526&558=1543&561=1546&563=1549&564=1551&566=1555&567=1561&573=1566&574=1568&575=1570'

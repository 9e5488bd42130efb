def summ(r, full=False):
    out = []
    v = r.verdict
    out.append(
        f"VERDICT: {v.label} | type={r.product_type} | recog={getattr(v, 'recognised_share', None)}"
    )
    for i in r.ingredients:
        getattr(i, "percent", None)
        getattr(i, "section", None)
        out.append(
            f"  {i.position:>2}. {i.text!r} -> {i.inci} [{i.match}] ann={i.annotations} occ={i.occlusive} com={i.comedogenic} flag={i.flag} mc={i.may_contain} cls={i.active_classes}"
        )
    for f in r.findings:
        out.append(f"  F[{f.kind}/{f.severity}] {f.ingredients} :: {f.reason[:230]}")
    if full:
        for n in r.notes:
            out.append(f"  NOTE {str(n)[:200]}")
    return "\n".join(out)

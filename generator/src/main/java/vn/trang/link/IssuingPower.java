package vn.trang.link;

import java.util.Optional;

import vn.trang.legal.IssuerRank;
import vn.trang.load.SiteRegistry;
import vn.trang.model.LegalDocument;
import vn.trang.model.RelationType;
import vn.trang.model.Site;

/**
 * Who may end or suspend whose document (docs/DOMAIN.md#issuing-power; Luật Ban hành văn bản QPPL, Điều 12): a
 * document is replaced or repealed by one of the body that issued it, and suspended or repealed
 * by a competent higher body. A relation that changes another document's status (thay_the,
 * bai_bo, dinh_chi) takes effect only when both hold:
 * <ol>
 * <li>the stating document is published on the named document's site or on a site above it in
 * the registry's parent chain. The site is the part an editor cannot choose: verify lets her
 * write only her unit's folder, while the issuer is whatever she typed;</li>
 * <li>its issuer is the named document's issuer, or above it ({@link IssuerRank}): a central
 * body over a lower central body and over every local one; on a site above, only the local
 * government (HĐND, UBND), not one of its agencies; on the same site, HĐND over UBND over the
 * unit's agencies.</li>
 * </ol>
 */
public final class IssuingPower {

    private final SiteRegistry registry;
    private final int depthBound;

    public IssuingPower(SiteRegistry registry) {
        this.registry = registry;
        this.depthBound = registry.sites().size();
    }

    /**
     * Whether a document published on {@code from} may end or suspend one published on {@code to}
     * as far as the sites go (the first condition): the same site, or one above it. The issuers,
     * the second, depend on the two documents. The editor offers only these documents for
     * {@link RelationType#effect() relations with an effect}.
     */
    public boolean siteMayEnd(Site from, Site to) {
        return from.id().equals(to.id()) || above(from, to);
    }

    /** Why {@code from} may not {@code type} {@code to}, in the editors' words; null when it may. */
    String refusal(LegalDocument from, RelationType type, LegalDocument to) {
        Site fromSite = from.site();
        Site toSite = to.site();
        boolean sameSite = fromSite.id().equals(toSite.id());
        boolean above = !sameSite && above(fromSite, toSite);
        if (!sameSite && !above) {
            return "trang " + fromSite.name() + " không phải cấp trên của trang " + toSite.name()
                    + ", nơi đăng văn bản " + to.number();
        }
        if (NumberIndex.sameIssuer(from.issuer(), to.issuer())) {
            return null;
        }
        IssuerRank f = IssuerRank.of(from.issuer());
        IssuerRank t = IssuerRank.of(to.issuer());
        if (f.central()) {
            return f.above(t) ? null : from.issuer() + " không ở cấp trên của " + to.issuer();
        }
        if (t.central()) {
            return "cơ quan địa phương không " + verb(type) + " văn bản của cơ quan trung ương (" + to.issuer() + ")";
        }
        if (above) {
            return f.localGovernment() ? null : "chỉ Hội đồng nhân dân, Ủy ban nhân dân cấp trên mới " + verb(type)
                    + " văn bản của cấp dưới; " + from.issuer() + " là cơ quan chuyên môn";
        }
        return f.above(t) ? null : from.issuer() + " không ở cấp trên của " + to.issuer();
    }

    /** Whether {@code upper} is on {@code lower}'s parent chain. */
    private boolean above(Site upper, Site lower) {
        Optional<Site> s = registry.byId(lower.id()).flatMap(registry::parent);
        for (int steps = 0; s.isPresent() && steps <= depthBound; steps++) {
            if (s.get().id().equals(upper.id())) {
                return true;
            }
            s = registry.parent(s.get());
        }
        return false;
    }

    public static String verb(RelationType type) {
        return switch (type) {
            case REPLACES -> "thay thế";
            case REPEALS -> "bãi bỏ";
            case SUSPENDS -> "đình chỉ";
            default -> type.key();
        };
    }
}

#include "core/VanityNumber.h"

using namespace Qt::StringLiterals;

namespace trunkline::core {

const QStringList& VanityNumber::tollFreePrefixes() {
    static const QStringList prefixes{u"800"_s, u"888"_s, u"877"_s, u"866"_s, u"855"_s};
    return prefixes;
}

QString VanityNumber::digits(QStringView pattern) {
    static const QString keypad = u"22233344455566677778889999"_s; // A..Z
    QString out;
    out.reserve(pattern.size());
    for (const QChar c : pattern) {
        const QChar upper = c.toUpper();
        out += upper >= u'A' && upper <= u'Z' ? keypad.at(upper.unicode() - u'A') : c;
    }
    return out;
}

} // namespace trunkline::core

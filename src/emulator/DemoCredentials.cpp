#include "emulator/DemoCredentials.h"

namespace trunkline::emulator {

QHash<QString, QString> DemoCredentials::parseLine(QStringView line, QString* label) {
    QHash<QString, QString> pairs;
    bool first = true;
    for (QStringView word : line.trimmed().split(u' ', Qt::SkipEmptyParts)) {
        const auto eq = word.indexOf(u'=');
        if (eq < 0) {
            if (first && label)
                *label = word.toString();
        } else {
            pairs.insert(word.left(eq).toString(), word.mid(eq + 1).toString());
        }
        first = false;
    }
    return pairs;
}

} // namespace trunkline::emulator

#include "gui/porting/PortOrderCsv.h"

#include "core/Csv.h"
#include "core/PortingRules.h"

#include <QIODevice>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

bool PortOrderCsv::write(QIODevice* device, const PortOrdersModel::Row& order,
                         const core::CsvOptions& options, QString* error) {
    core::CsvWriter csv(device, options);
    bool ok = csv.writeRow({u"number"_s, u"extension"_s, u"active"_s}) &&
              csv.writeRow({order.routeNumber, QString(), u"true"_s});
    for (const core::PhoneNumberExtension& extension : order.extensions) {
        const QStringList numbers = core::expandExtensionRange(order.routeNumber, extension.extensionRange);
        for (qsizetype i = 0; ok && i < numbers.size(); ++i) {
            const int digits = extension.extensionRange.startAt + static_cast<int>(i);
            const bool active =
                std::any_of(extension.activationRanges.cbegin(), extension.activationRanges.cend(),
                            [digits](const core::NumberRange& range) { return range.contains(digits); });
            ok = csv.writeRow({numbers.at(i), numbers.at(i).mid(order.routeNumber.size()),
                               active ? u"true"_s : u"false"_s});
        }
    }
    if (!ok && error)
        *error = tr("Could not write the file: %1").arg(device->errorString());
    return ok;
}

} // namespace trunkline::gui

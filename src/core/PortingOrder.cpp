#include "core/PortingOrder.h"

#include "core/WireTable.h"

#include <QCoreApplication>

namespace trunkline::core {

namespace {

using detail::WireEntry;

constexpr std::array<WireEntry<PortingOrderStatus>, 8> kPortingOrderStatuses{{
    {PortingOrderStatus::Draft, u"draft"},
    {PortingOrderStatus::InProcess, u"in-process"},
    {PortingOrderStatus::Submitted, u"submitted"},
    {PortingOrderStatus::Exception, u"exception"},
    {PortingOrderStatus::FocDateConfirmed, u"foc-date-confirmed"},
    {PortingOrderStatus::Ported, u"ported"},
    {PortingOrderStatus::Cancelled, u"cancelled"},
    {PortingOrderStatus::CancelPending, u"cancel-pending"},
}};

} // namespace

QString toWire(PortingOrderStatus status) {
    return detail::wireOf(kPortingOrderStatuses, status);
}

std::optional<PortingOrderStatus> portingOrderStatusFromWire(QStringView wire) {
    return detail::valueOf(kPortingOrderStatuses, wire);
}

QList<PortingOrderStatus> allPortingOrderStatuses() {
    return detail::valuesOf(kPortingOrderStatuses);
}

QString displayName(PortingOrderStatus status) {
    switch (status) {
    case PortingOrderStatus::Draft:
        return QCoreApplication::translate("PortingOrderStatus", "Draft");
    case PortingOrderStatus::InProcess:
        return QCoreApplication::translate("PortingOrderStatus", "In process");
    case PortingOrderStatus::Submitted:
        return QCoreApplication::translate("PortingOrderStatus", "Submitted");
    case PortingOrderStatus::Exception:
        return QCoreApplication::translate("PortingOrderStatus", "Exception");
    case PortingOrderStatus::FocDateConfirmed:
        return QCoreApplication::translate("PortingOrderStatus", "FOC date confirmed");
    case PortingOrderStatus::Ported:
        return QCoreApplication::translate("PortingOrderStatus", "Ported");
    case PortingOrderStatus::Cancelled:
        return QCoreApplication::translate("PortingOrderStatus", "Cancelled");
    case PortingOrderStatus::CancelPending:
        break;
    }
    return QCoreApplication::translate("PortingOrderStatus", "Cancel pending");
}

} // namespace trunkline::core

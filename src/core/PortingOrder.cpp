#include "core/PortingOrder.h"

#include "core/WireTable.h"

#include <QCoreApplication>

namespace trunkline::core {

namespace {

using detail::WireEntry;

constexpr std::array<WireEntry<PortingOrderStatus>, 8> kPortingOrderStatuses{{
    {PortingOrderStatus::Draft, u"draft", QT_TRANSLATE_NOOP("PortingOrderStatus", "Draft")},
    {PortingOrderStatus::InProcess, u"in-process", QT_TRANSLATE_NOOP("PortingOrderStatus", "In process")},
    {PortingOrderStatus::Submitted, u"submitted", QT_TRANSLATE_NOOP("PortingOrderStatus", "Submitted")},
    {PortingOrderStatus::Exception, u"exception", QT_TRANSLATE_NOOP("PortingOrderStatus", "Exception")},
    {PortingOrderStatus::FocDateConfirmed, u"foc-date-confirmed",
     QT_TRANSLATE_NOOP("PortingOrderStatus", "FOC date confirmed")},
    {PortingOrderStatus::Ported, u"ported", QT_TRANSLATE_NOOP("PortingOrderStatus", "Ported")},
    {PortingOrderStatus::Cancelled, u"cancelled", QT_TRANSLATE_NOOP("PortingOrderStatus", "Cancelled")},
    {PortingOrderStatus::CancelPending, u"cancel-pending",
     QT_TRANSLATE_NOOP("PortingOrderStatus", "Cancel pending")},
}};

} // namespace

TRUNKLINE_WIRE_ENUM(PortingOrderStatus, kPortingOrderStatuses)

} // namespace trunkline::core

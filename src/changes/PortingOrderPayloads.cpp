#include "changes/PortingOrderPayloads.h"

#include "changes/ChangeBuilders.h"
#include "changes/PayloadMembers.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace trunkline::changes {

namespace {

const QString kCustomerReference = u"customerReference"_s;
const QString kFocDatetimeRequested = u"focDatetimeRequested"_s;

QJsonValue timeValue(const QDateTime& time) {
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs))
                          : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject PortingOrderPayloads::orderFields(const core::PortingOrder& order) {
    return {{kCustomerReference, order.customerReference},
            {kFocDatetimeRequested, timeValue(order.focDatetimeRequested)}};
}

QJsonObject PortingOrderPayloads::orderDifference(const core::PortingOrder& stored,
                                                  const core::PortingOrder& edited) {
    return PayloadMembers::difference(orderFields(stored), orderFields(edited));
}

core::PortingOrder PortingOrderPayloads::applyOrderFields(core::PortingOrder base,
                                                          const QJsonObject& payload) {
    if (payload.contains(kCustomerReference))
        base.customerReference = payload.value(kCustomerReference).toString();
    if (payload.contains(kFocDatetimeRequested))
        base.focDatetimeRequested =
            QDateTime::fromString(payload.value(kFocDatetimeRequested).toString(), Qt::ISODateWithMs);
    return base;
}

store::PendingChange PortingOrderPayloads::orderUpdate(qint64 profileId, const core::PortingOrder& stored,
                                                       const core::PortingOrder& edited,
                                                       const QString& baseVersion) {
    return ChangeBuilders::update(profileId, kEntity, stored.id, orderDifference(stored, edited),
                                  orderFields(stored), baseVersion);
}

store::PendingChange PortingOrderPayloads::orderCancel(qint64 profileId, const core::PortingOrder& stored,
                                                       const QString& baseVersion) {
    return ChangeBuilders::remove(profileId, kEntity, stored.id, orderFields(stored), baseVersion);
}

} // namespace trunkline::changes

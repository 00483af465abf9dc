#include "changes/PortingOrderPayloads.h"

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
    const QJsonObject before = orderFields(stored);
    const QJsonObject after = orderFields(edited);
    QJsonObject payload;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (before.value(it.key()) != it.value())
            payload.insert(it.key(), it.value());
    }
    return payload;
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
    store::PendingChange change;
    change.profileId = profileId;
    change.entity = kEntity;
    change.entityKey = stored.id;
    change.operation = store::ChangeOperation::Update;
    change.payload = orderDifference(stored, edited);
    change.baseValues = PayloadMembers::membersOf(orderFields(stored), change.payload);
    change.baseVersion = baseVersion;
    return change;
}

store::PendingChange PortingOrderPayloads::orderCancel(qint64 profileId, const core::PortingOrder& stored,
                                                       const QString& baseVersion) {
    store::PendingChange change;
    change.profileId = profileId;
    change.entity = kEntity;
    change.entityKey = stored.id;
    change.operation = store::ChangeOperation::Delete;
    change.baseValues = orderFields(stored);
    change.baseVersion = baseVersion;
    return change;
}

} // namespace trunkline::changes

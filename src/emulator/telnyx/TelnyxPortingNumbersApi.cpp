#include "emulator/telnyx/TelnyxApi.h"
#include "emulator/telnyx/TelnyxErrors.h"
#include "emulator/telnyx/TelnyxWire.h"

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

using core::PortingOrderStatus;

EmulatorResponse TelnyxPortingNumbersApi::list(TelnyxState& state, const EmulatorRequest& request) {
    const Query query(request.query);
    Paging paging;
    if (auto error = parsePaging(query, &paging))
        return *error;
    const QStringList orderIds = query.filterValues(u"porting_order_id"_s, true);
    for (const QString& id : orderIds)
        if (!isUuid(id))
            return TelnyxErrors::response(
                400, TelnyxErrors::badParameter(
                         query.rawKey(u"filter.porting_order_id"_s),
                         tr("filter[porting_order_id] must be a UUID, got \"%1\".").arg(id)));
    const QStringList phoneNumbers = query.filterValues(u"phone_number"_s, true);
    const QStringList supportKeys = query.filterValues(u"support_key"_s, true);
    const QStringList orderStatuses = query.filterValues(u"porting_order_status"_s, true);
    const QStringList activation = query.filterValues(u"activation_status"_s);
    const QStringList portability = query.filterValues(u"portability_status"_s, true);

    QList<QJsonObject> matched;
    for (const QJsonObject& raw : state.data.portingNumbers) {
        const QJsonObject n = state.portingNumberForOutput(raw);
        auto passes = [&](const QStringList& wanted, const QString& field) {
            return admits(wanted, n.value(field).toString());
        };
        if (passes(orderIds, u"porting_order_id"_s) && passes(phoneNumbers, u"phone_number"_s) &&
            passes(supportKeys, u"support_key"_s) && passes(orderStatuses, u"porting_order_status"_s) &&
            passes(activation, u"activation_status"_s) && passes(portability, u"portability_status"_s))
            matched.append(n);
    }
    if (request.header("accept").contains("text/csv")) {
        QByteArray csv = "phone_number,phone_number_type,porting_order_id,support_key,porting_order_status\n";
        for (const QJsonObject& n : matched) {
            csv += n.value(u"phone_number"_s).toString().toUtf8() + ',' +
                   n.value(u"phone_number_type"_s).toString().toUtf8() + ',' +
                   n.value(u"porting_order_id"_s).toString().toUtf8() + ',' +
                   n.value(u"support_key"_s).toString().toUtf8() + ',' +
                   n.value(u"porting_order_status"_s).toString().toUtf8() + '\n';
        }
        EmulatorResponse r;
        r.contentType = "text/csv";
        r.body = csv;
        return r;
    }
    return pageResponse(matched, paging);
}

} // namespace trunkline::emulator::telnyx

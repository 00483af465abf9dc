// Builds JSON from concatenated strings; QStringBuilder's lazy results do not convert to QJsonValue.
#undef QT_USE_QSTRINGBUILDER

#include "emulator/ringcentral/RcApi.h"
#include "emulator/ringcentral/RcBodyReader.h"
#include "emulator/ringcentral/RcErrors.h"
#include "emulator/ringcentral/RcPaging.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

namespace {

const QStringList kCallHandlingActions = {
    u"ForwardCalls"_s,     u"UnconditionalForwarding"_s, u"AgentQueue"_s, u"TransferToExtension"_s,
    u"TakeMessagesOnly"_s, u"PlayAnnouncementOnly"_s,    u"SharedLines"_s};
// SPEC says False|NoCallerId|UnknownCallerId|Always; the developer guide's samples say "Off". Both accepted.
const QStringList kScreening = {u"Off"_s, u"False"_s, u"NoCallerId"_s, u"UnknownCallerId"_s, u"Always"_s};
const QStringList kRingingModes = {u"Sequentially"_s, u"Simultaneously"_s};
const QStringList kDays = {u"monday"_s, u"tuesday"_s,  u"wednesday"_s, u"thursday"_s,
                           u"friday"_s, u"saturday"_s, u"sunday"_s};

bool isHhMm(const QString& text) {
    static const QRegularExpression pattern(u"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"_s);
    return pattern.match(text).hasMatch();
}

} // namespace

QJsonObject RcCallHandlingApi::businessHoursSchedule(const RcExtension& e) {
    if (e.businessHours.contains(u"weeklyRanges"_s) || e.businessHours.contains(u"set"_s))
        return QJsonObject{{u"weeklyRanges"_s, e.businessHours.value(u"weeklyRanges"_s)}};
    // Default: Monday to Friday 09:00-18:00 (so an after-hours rule exists).
    QJsonObject weekly;
    for (const QString& day : kDays.mid(0, 5))
        weekly.insert(day, QJsonArray{QJsonObject{{u"from"_s, u"09:00"_s}, {u"to"_s, u"18:00"_s}}});
    return {{u"weeklyRanges"_s, weekly}};
}

EmulatorResponse RcCallHandlingApi::getBusinessHours(RcCall& call, const RcExtension& extension) {
    QJsonObject schedule = businessHoursSchedule(extension);
    if (schedule.value(u"weeklyRanges"_s).toObject().isEmpty())
        schedule = QJsonObject{}; // empty schedule = 24/7
    return jsonResponse(QJsonObject{{u"uri"_s, call.extensionUri(extension.id) + u"/business-hours"_s},
                                    {u"schedule"_s, schedule}});
}

EmulatorResponse RcCallHandlingApi::putBusinessHours(RcCall& call, RcExtension& extension) {
    QJsonObject body;
    if (auto error = RcBodyReader::parse(call.request, &body))
        return *error;
    RcBodyReader r;
    QJsonObject schedule;
    if (!body.contains(u"schedule"_s))
        return RcErrors::invalidParameter(u"schedule"_s,
                                          tr("The schedule is required (an empty one means 24/7)."));
    r.object(body, u"schedule"_s, u"schedule"_s, &schedule);
    QJsonObject weekly;
    r.object(schedule, u"weeklyRanges"_s, u"schedule.weeklyRanges"_s, &weekly);
    for (auto it = weekly.constBegin(); it != weekly.constEnd() && !r.failed(); ++it) {
        const QString path = u"schedule.weeklyRanges."_s + it.key();
        if (!kDays.contains(it.key())) {
            r.fail(u"schedule.weeklyRanges"_s,
                   tr("\"%1\" is not a day of the week (monday ... sunday).").arg(it.key()), it.key());
            break;
        }
        if (!r.typeCheck(it.value(), QJsonValue::Array, path, tr("an array")))
            break;
        for (const auto& range : it.value().toArray()) {
            if (!r.typeCheck(range, QJsonValue::Object, path, tr("an object")))
                break;
            QString from;
            QString to;
            r.string(range.toObject(), u"from"_s, path + u".from"_s, &from);
            r.string(range.toObject(), u"to"_s, path + u".to"_s, &to);
            if (r.failed())
                break;
            if (!isHhMm(from) || !isHhMm(to))
                r.fail(path, tr("Times must be hh:mm, got \"%1\" to \"%2\".").arg(from, to));
            else if (from >= to)
                r.fail(path, tr("The range %1-%2 ends before it starts.").arg(from, to));
        }
    }
    if (r.failed())
        return r.error();
    extension.businessHours = QJsonObject{{u"set"_s, true}, {u"weeklyRanges"_s, weekly}};
    return getBusinessHours(call, extension);
}

QJsonObject RcCallHandlingApi::answeringRuleJson(const RcCall& call, const RcExtension& e,
                                                 const QString& ruleId) {
    const bool business = ruleId == u"business-hours-rule";
    const QJsonObject& stored = business ? e.businessHoursRule : e.afterHoursRule;
    QJsonObject o{
        {u"uri"_s, call.extensionUri(e.id) + u"/answering-rule/"_s + ruleId},
        {u"id"_s, ruleId},
        {u"type"_s, business ? u"BusinessHours"_s : u"AfterHours"_s},
        {u"name"_s, business ? u"Business Hours"_s : u"After Hours"_s},
        {u"enabled"_s, stored.value(u"enabled"_s).toBool(true)},
        {u"schedule"_s, QJsonObject{{u"ref"_s, business ? u"BusinessHours"_s : u"AfterHours"_s}}},
        {u"callHandlingAction"_s, stored.value(u"callHandlingAction"_s)
                                      .toString(business ? u"ForwardCalls"_s : u"TakeMessagesOnly"_s)},
        {u"screening"_s, stored.value(u"screening"_s).toString(u"Off"_s)},
        {u"voicemail"_s,
         QJsonObject{{u"enabled"_s, stored.value(u"voicemailEnabled"_s).toBool(true)},
                     {u"recipient"_s, QJsonObject{{u"uri"_s, call.extensionUri(e.id)}, {u"id"_s, e.id}}}}},
        {u"greetings"_s, stored.value(u"greetings"_s).toArray()}};
    // Forwarding: the stored rules (ids only) rendered with the numbers' current data, or by default every
    // forwarding number in list order, ringing one after the other.
    QJsonArray rules;
    auto numberJson = [&](const RcForwardingNumber& f) {
        return QJsonObject{
            {u"id"_s, QString::number(f.id)},
            {u"uri"_s, call.extensionUri(e.id) + u"/forwarding-number/"_s + QString::number(f.id)},
            {u"phoneNumber"_s, f.phoneNumber},
            {u"label"_s, f.label},
            {u"type"_s, f.type}};
    };
    const QJsonObject forwardingStored = stored.value(u"forwarding"_s).toObject();
    if (forwardingStored.contains(u"rules"_s)) {
        for (const auto& value : forwardingStored.value(u"rules"_s).toArray()) {
            QJsonObject entry = value.toObject();
            QJsonArray numbers;
            for (const auto& ref : entry.value(u"forwardingNumbers"_s).toArray())
                for (const auto& f : e.forwarding)
                    if (QString::number(f.id) == ref.toObject().value(u"id"_s).toString())
                        numbers.append(numberJson(f));
            entry.insert(u"forwardingNumbers"_s, numbers);
            rules.append(entry);
        }
    } else {
        int index = 1;
        for (const auto& f : e.forwarding)
            rules.append(QJsonObject{{u"index"_s, index++},
                                     {u"ringCount"_s, 4},
                                     {u"enabled"_s, true},
                                     {u"forwardingNumbers"_s, QJsonArray{numberJson(f)}}});
    }
    o.insert(u"forwarding"_s,
             QJsonObject{
                 {u"notifyMySoftPhones"_s, forwardingStored.value(u"notifyMySoftPhones"_s).toBool(true)},
                 {u"softPhonesRingCount"_s, forwardingStored.value(u"softPhonesRingCount"_s).toInt(1)},
                 {u"softPhonesAlwaysRing"_s, forwardingStored.value(u"softPhonesAlwaysRing"_s).toBool(true)},
                 {u"ringingMode"_s, forwardingStored.value(u"ringingMode"_s).toString(u"Sequentially"_s)},
                 {u"rules"_s, rules}});
    if (stored.contains(u"unconditionalForwarding"_s))
        o.insert(u"unconditionalForwarding"_s, stored.value(u"unconditionalForwarding"_s));
    if (const QString target = stored.value(u"transferExtensionId"_s).toString(); !target.isEmpty())
        o.insert(
            u"transfer"_s,
            QJsonObject{{u"extension"_s, QJsonObject{{u"id"_s, target},
                                                     {u"uri"_s, call.extensionUri(target.toLongLong())}}}});
    return o;
}

EmulatorResponse RcCallHandlingApi::listAnsweringRules(RcCall& call, const RcExtension& extension) {
    RcPageRequest page;
    if (auto error = parsePaging(call.request.query, &page))
        return *error;
    QStringList ids{u"business-hours-rule"_s};
    // The after-hours rule exists only when business hours are not 24/7.
    if (!businessHoursSchedule(extension).value(u"weeklyRanges"_s).toObject().isEmpty())
        ids.append(u"after-hours-rule"_s);
    const bool detailed = call.request.query.queryItemValue(u"view"_s) == u"Detailed";
    return (pagedList(call.extensionUri(extension.id) + u"/answering-rule"_s, call.request.query, page,
                      static_cast<int>(ids.size()), [&](int i) {
                          const QJsonObject full = answeringRuleJson(call, extension, ids.at(i));
                          if (detailed)
                              return full;
                          return QJsonObject{{u"uri"_s, full.value(u"uri"_s)},
                                             {u"id"_s, full.value(u"id"_s)},
                                             {u"type"_s, full.value(u"type"_s)},
                                             {u"enabled"_s, full.value(u"enabled"_s)}};
                      }));
}

EmulatorResponse RcCallHandlingApi::getAnsweringRule(RcCall& call, const RcExtension& extension,
                                                     const QString& ruleId) {
    const bool afterHoursExists =
        !businessHoursSchedule(extension).value(u"weeklyRanges"_s).toObject().isEmpty();
    if (ruleId != u"business-hours-rule" && !(ruleId == u"after-hours-rule" && afterHoursExists))
        return RcErrors::notFound(u"ruleId"_s, ruleId);
    return jsonResponse(answeringRuleJson(call, extension, ruleId));
}

EmulatorResponse RcCallHandlingApi::putAnsweringRule(RcCall& call, RcExtension& extension,
                                                     const QString& ruleId) {
    const bool afterHoursExists =
        !businessHoursSchedule(extension).value(u"weeklyRanges"_s).toObject().isEmpty();
    if (ruleId != u"business-hours-rule" && !(ruleId == u"after-hours-rule" && afterHoursExists))
        return RcErrors::notFound(u"ruleId"_s, ruleId);
    QJsonObject body;
    if (auto error = RcBodyReader::parse(call.request, &body))
        return *error;
    const bool business = ruleId == u"business-hours-rule";
    QJsonObject stored = business ? extension.businessHoursRule : extension.afterHoursRule;
    RcBodyReader r;
    for (const QString& forbidden : {u"calledNumbers"_s, u"callers"_s}) {
        if (body.contains(forbidden))
            return RcErrors::invalidParameter(forbidden,
                                              tr("The default rules cannot have caller or called-number "
                                                 "conditions; create a custom rule instead."));
    }
    QJsonObject schedule;
    if (r.object(body, u"schedule"_s, u"schedule"_s, &schedule) &&
        (schedule.contains(u"weeklyRanges"_s) || schedule.contains(u"ranges"_s)))
        return RcErrors::invalidParameter(u"schedule"_s,
                                          tr("The schedule of a default rule follows the business "
                                             "hours; change them with the business-hours endpoint."));
    bool flag = false;
    if (r.boolean(body, u"enabled"_s, u"enabled"_s, &flag))
        stored.insert(u"enabled"_s, flag);
    QString text;
    if (r.oneOf(body, u"callHandlingAction"_s, u"callHandlingAction"_s, kCallHandlingActions, &text))
        stored.insert(u"callHandlingAction"_s, text);
    if (r.oneOf(body, u"screening"_s, u"screening"_s, kScreening, &text))
        stored.insert(u"screening"_s, text);
    QJsonObject voicemail;
    if (r.object(body, u"voicemail"_s, u"voicemail"_s, &voicemail) &&
        r.boolean(voicemail, u"enabled"_s, u"voicemail.enabled"_s, &flag))
        stored.insert(u"voicemailEnabled"_s, flag);
    QJsonArray greetings;
    if (r.array(body, u"greetings"_s, u"greetings"_s, &greetings))
        stored.insert(u"greetings"_s, greetings);
    QJsonObject unconditional;
    if (r.object(body, u"unconditionalForwarding"_s, u"unconditionalForwarding"_s, &unconditional)) {
        QString number;
        r.e164(unconditional, u"phoneNumber"_s, u"unconditionalForwarding.phoneNumber"_s, &number);
        stored.insert(u"unconditionalForwarding"_s, unconditional);
    }
    // TransferToExtension's target (e.g. an IVR menu or an application extension of the account).
    QJsonObject transfer;
    QJsonObject target;
    QString targetId;
    if (r.object(body, u"transfer"_s, u"transfer"_s, &transfer) &&
        r.object(transfer, u"extension"_s, u"transfer.extension"_s, &target) &&
        r.string(target, u"id"_s, u"transfer.extension.id"_s, &targetId)) {
        bool isNumber = false;
        const qint64 id = targetId.toLongLong(&isNumber);
        if (!isNumber || !call.directory().extension(id))
            r.fail(u"transfer.extension.id"_s, tr("No extension with this id in the account."), targetId);
        else
            stored.insert(u"transferExtensionId"_s, targetId);
    }
    QJsonObject forwarding;
    if (r.object(body, u"forwarding"_s, u"forwarding"_s, &forwarding)) {
        QJsonObject newForwarding = stored.value(u"forwarding"_s).toObject();
        if (r.boolean(forwarding, u"notifyMySoftPhones"_s, u"forwarding.notifyMySoftPhones"_s, &flag))
            newForwarding.insert(u"notifyMySoftPhones"_s, flag);
        if (r.boolean(forwarding, u"softPhonesAlwaysRing"_s, u"forwarding.softPhonesAlwaysRing"_s, &flag))
            newForwarding.insert(u"softPhonesAlwaysRing"_s, flag);
        qint64 count = 0;
        if (r.integer(forwarding, u"softPhonesRingCount"_s, u"forwarding.softPhonesRingCount"_s, &count))
            newForwarding.insert(u"softPhonesRingCount"_s, count);
        if (r.oneOf(forwarding, u"ringingMode"_s, u"forwarding.ringingMode"_s, kRingingModes, &text))
            newForwarding.insert(u"ringingMode"_s, text);
        QJsonArray rules;
        if (r.array(forwarding, u"rules"_s, u"forwarding.rules"_s, &rules)) {
            QJsonArray storedRules;
            int index = 0;
            for (const auto& value : rules) {
                ++index;
                if (!r.typeCheck(value, QJsonValue::Object, u"forwarding.rules"_s, tr("an object")))
                    break;
                const QJsonObject rule = value.toObject();
                qint64 ringCount = 4;
                qint64 ruleIndex = index;
                bool enabled = true;
                r.integer(rule, u"ringCount"_s, u"forwarding.rules.ringCount"_s, &ringCount);
                r.integer(rule, u"index"_s, u"forwarding.rules.index"_s, &ruleIndex);
                r.boolean(rule, u"enabled"_s, u"forwarding.rules.enabled"_s, &enabled);
                QJsonArray numbers;
                r.array(rule, u"forwardingNumbers"_s, u"forwarding.rules.forwardingNumbers"_s, &numbers);
                QJsonArray refs;
                for (const auto& number : numbers) {
                    if (!r.typeCheck(number, QJsonValue::Object, u"forwarding.rules.forwardingNumbers"_s,
                                     tr("an object")))
                        break;
                    QString id;
                    if (!r.string(number.toObject(), u"id"_s, u"forwarding.rules.forwardingNumbers.id"_s,
                                  &id)) {
                        r.fail(u"forwarding.rules.forwardingNumbers.id"_s,
                               tr("Every forwarding number needs the id of one of the extension's forwarding "
                                  "numbers."));
                        break;
                    }
                    // The rule may only ring this extension's own forwarding numbers.
                    if (RcForwardingApi::indexOf(extension, id) < 0)
                        return RcErrors::notFound(u"forwardingNumberId"_s, id);
                    refs.append(QJsonObject{{u"id"_s, id}});
                }
                if (r.failed())
                    break;
                storedRules.append(QJsonObject{{u"index"_s, ruleIndex},
                                               {u"ringCount"_s, ringCount},
                                               {u"enabled"_s, enabled},
                                               {u"forwardingNumbers"_s, refs}});
            }
            newForwarding.insert(u"rules"_s, storedRules);
        }
        stored.insert(u"forwarding"_s, newForwarding);
    }
    if (r.failed())
        return r.error();
    (business ? extension.businessHoursRule : extension.afterHoursRule) = stored;
    return jsonResponse(answeringRuleJson(call, extension, ruleId));
}
} // namespace trunkline::emulator::ringcentral

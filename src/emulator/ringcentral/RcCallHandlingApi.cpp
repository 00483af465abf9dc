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

bool isLocalDateTime(const QString& text) {
    static const QRegularExpression pattern(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$"_s);
    return pattern.match(text).hasMatch();
}

const QString kBusinessRule = u"business-hours-rule"_s;
const QString kAfterRule = u"after-hours-rule"_s;
const QString kCustomType = u"Custom"_s;
const QStringList kRuleTypes = {u"BusinessHours"_s, u"AfterHours"_s, kCustomType};

// schedule.weeklyRanges: monday ... sunday, each a list of {from, to} "hh:mm" that starts before it ends.
void readWeeklyRanges(RcBodyReader& r, const QJsonObject& weekly, const QString& prefix) {
    for (auto it = weekly.constBegin(); it != weekly.constEnd() && !r.failed(); ++it) {
        const QString path = prefix + u'.' + it.key();
        if (!kDays.contains(it.key())) {
            r.fail(
                prefix,
                RcCallHandlingApi::tr("\"%1\" is not a day of the week (monday ... sunday).").arg(it.key()),
                it.key());
            break;
        }
        if (!r.typeCheck(it.value(), QJsonValue::Array, path, RcCallHandlingApi::tr("an array")))
            break;
        for (const auto& range : it.value().toArray()) {
            if (!r.typeCheck(range, QJsonValue::Object, path, RcCallHandlingApi::tr("an object")))
                break;
            QString from;
            QString to;
            r.string(range.toObject(), u"from"_s, path + u".from"_s, &from);
            r.string(range.toObject(), u"to"_s, path + u".to"_s, &to);
            if (r.failed())
                break;
            if (!isHhMm(from) || !isHhMm(to))
                r.fail(path,
                       RcCallHandlingApi::tr("Times must be hh:mm, got \"%1\" to \"%2\".").arg(from, to));
            else if (from >= to)
                r.fail(path, RcCallHandlingApi::tr("The range %1-%2 ends before it starts.").arg(from, to));
        }
    }
}

// The members every rule takes (enabled, the action and its targets, voicemail, greetings, screening,
// forwarding), merged into `stored`. A forwarding number of another extension answers 404 at once.
std::optional<EmulatorResponse> readRuleAction(RcCall& call, RcBodyReader& r, const QJsonObject& body,
                                               const RcExtension& extension, QJsonObject& stored) {
    using Api = RcCallHandlingApi;
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
    if (r.array(body, u"greetings"_s, u"greetings"_s, &greetings)) {
        // Kept by type and id only: the uris and preset names are the server's to render.
        QJsonArray kept;
        for (const auto& value : greetings) {
            if (!r.typeCheck(value, QJsonValue::Object, u"greetings"_s, Api::tr("an object")))
                break;
            const QJsonObject greeting = value.toObject();
            QString type;
            r.string(greeting, u"type"_s, u"greetings.type"_s, &type);
            QJsonObject entry{{u"type"_s, type}};
            for (const QString& source : {u"preset"_s, u"custom"_s}) {
                QJsonObject ref;
                QString id;
                if (r.object(greeting, source, u"greetings."_s + source, &ref) &&
                    r.string(ref, u"id"_s, u"greetings."_s + source + u".id"_s, &id))
                    entry.insert(source, QJsonObject{{u"id"_s, id}});
            }
            if (!r.failed() && (type.isEmpty() || entry.size() != 2))
                r.fail(u"greetings"_s, Api::tr("Every greeting needs a type and either a preset or a custom "
                                               "greeting id."));
            kept.append(entry);
        }
        stored.insert(u"greetings"_s, kept);
    }
    QJsonObject unconditional;
    if (r.object(body, u"unconditionalForwarding"_s, u"unconditionalForwarding"_s, &unconditional)) {
        QString number;
        r.e164(unconditional, u"phoneNumber"_s, u"unconditionalForwarding.phoneNumber"_s, &number);
        stored.insert(u"unconditionalForwarding"_s, unconditional);
    }
    // TransferToExtension's target (e.g. an IVR menu, a call queue or an application extension).
    QJsonObject transfer;
    QJsonObject target;
    QString targetId;
    if (r.object(body, u"transfer"_s, u"transfer"_s, &transfer) &&
        r.object(transfer, u"extension"_s, u"transfer.extension"_s, &target) &&
        r.string(target, u"id"_s, u"transfer.extension.id"_s, &targetId)) {
        bool isNumber = false;
        const qint64 id = targetId.toLongLong(&isNumber);
        if (!isNumber || !call.directory().extension(id))
            r.fail(u"transfer.extension.id"_s, Api::tr("No extension with this id in the account."),
                   targetId);
        else if (id == extension.id)
            r.fail(u"transfer.extension.id"_s, Api::tr("A rule cannot transfer calls to its own extension."),
                   targetId);
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
                if (!r.typeCheck(value, QJsonValue::Object, u"forwarding.rules"_s, Api::tr("an object")))
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
                                     Api::tr("an object")))
                        break;
                    QString id;
                    if (!r.string(number.toObject(), u"id"_s, u"forwarding.rules.forwardingNumbers.id"_s,
                                  &id)) {
                        r.fail(u"forwarding.rules.forwardingNumbers.id"_s,
                               Api::tr("Every forwarding number needs the id of one of the extension's "
                                       "forwarding numbers."));
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
    return std::nullopt;
}

// A custom rule's own members: name, and its conditions (schedule by week or by date ranges, callers,
// called numbers). UNCONFIRMED: the maximum name length (64) and how date ranges are written
// ("yyyy-MM-ddThh:mm:ss", the account's time zone) follow RingCentral's web admin, not a spec.
void readConditions(RcBodyReader& r, const QJsonObject& body, QJsonObject& stored) {
    using Api = RcCallHandlingApi;
    QString name;
    if (r.string(body, u"name"_s, u"name"_s, &name, 64)) {
        if (name.trimmed().isEmpty())
            r.fail(u"name"_s, Api::tr("A custom rule needs a name."));
        stored.insert(u"name"_s, name.trimmed());
    }
    QJsonObject schedule;
    if (r.object(body, u"schedule"_s, u"schedule"_s, &schedule)) {
        QJsonObject kept;
        QJsonObject weekly;
        if (r.object(schedule, u"weeklyRanges"_s, u"schedule.weeklyRanges"_s, &weekly)) {
            readWeeklyRanges(r, weekly, u"schedule.weeklyRanges"_s);
            kept.insert(u"weeklyRanges"_s, weekly);
        }
        QJsonArray ranges;
        if (r.array(schedule, u"ranges"_s, u"schedule.ranges"_s, &ranges)) {
            for (const auto& range : ranges) {
                if (!r.typeCheck(range, QJsonValue::Object, u"schedule.ranges"_s, Api::tr("an object")))
                    break;
                QString from;
                QString to;
                r.string(range.toObject(), u"from"_s, u"schedule.ranges.from"_s, &from);
                r.string(range.toObject(), u"to"_s, u"schedule.ranges.to"_s, &to);
                if (!r.failed() && (!isLocalDateTime(from) || !isLocalDateTime(to) || from >= to))
                    r.fail(u"schedule.ranges"_s,
                           Api::tr("A date range runs from yyyy-MM-ddThh:mm:ss to a later one, got \"%1\" to "
                                   "\"%2\".")
                               .arg(from, to));
            }
            kept.insert(u"ranges"_s, ranges);
        }
        stored.insert(u"schedule"_s, kept);
    }
    QJsonArray callers;
    if (r.array(body, u"callers"_s, u"callers"_s, &callers)) {
        for (const auto& caller : callers) {
            QString callerId;
            if (r.typeCheck(caller, QJsonValue::Object, u"callers"_s, Api::tr("an object")) &&
                !r.string(caller.toObject(), u"callerId"_s, u"callers.callerId"_s, &callerId))
                r.fail(u"callers.callerId"_s, Api::tr("Every caller condition needs a callerId."));
        }
        stored.insert(u"callers"_s, callers);
    }
    QJsonArray called;
    if (r.array(body, u"calledNumbers"_s, u"calledNumbers"_s, &called)) {
        for (const auto& number : called) {
            QString phoneNumber;
            if (r.typeCheck(number, QJsonValue::Object, u"calledNumbers"_s, Api::tr("an object")))
                r.e164(number.toObject(), u"phoneNumber"_s, u"calledNumbers.phoneNumber"_s, &phoneNumber);
        }
        stored.insert(u"calledNumbers"_s, called);
    }
}

bool hasCondition(const QJsonObject& stored) {
    const QJsonObject schedule = stored.value(u"schedule"_s).toObject();
    return !schedule.value(u"weeklyRanges"_s).toObject().isEmpty() ||
           !schedule.value(u"ranges"_s).toArray().isEmpty() ||
           !stored.value(u"callers"_s).toArray().isEmpty() ||
           !stored.value(u"calledNumbers"_s).toArray().isEmpty();
}

// The demo's rules (RcExtension::demoCallRules, demoGreeting), stored as a PUT would store them.
QJsonObject demoAfterHoursRule(const RcDirectory& directory, const RcExtension& e) {
    QJsonObject rule;
    if (e.demoGreeting)
        rule.insert(u"greetings"_s, QJsonArray{QJsonObject{
                                        {u"type"_s, u"Voicemail"_s},
                                        {u"custom"_s, QJsonObject{{u"id"_s, QString::number(e.id + 1)}}}}});
    if (!e.demoCallRules)
        return rule;
    // "Go to application": the account's first call queue or IVR menu.
    for (const RcExtension& other : directory.extensions) {
        if (other.type == u"Department" || other.type == u"IvrMenu") {
            rule.insert(u"callHandlingAction"_s, u"TransferToExtension"_s);
            rule.insert(u"transferExtensionId"_s, QString::number(other.id));
            break;
        }
    }
    return rule;
}

QJsonObject demoCustomRules(const RcExtension& e) {
    if (!e.demoCallRules)
        return {};
    const QJsonObject vip{
        {u"id"_s, QString::number(e.id * 100 + 1)},
        {u"name"_s, u"VIP callers"_s},
        {u"callers"_s,
         QJsonArray{QJsonObject{{u"callerId"_s, u"+16505550100"_s}, {u"name"_s, u"Key account"_s}}}},
        {u"callHandlingAction"_s, u"UnconditionalForwarding"_s},
        {u"unconditionalForwarding"_s, QJsonObject{{u"phoneNumber"_s, u"+4915120000001"_s}}}};
    const QJsonObject holiday{
        {u"id"_s, QString::number(e.id * 100 + 2)},
        {u"name"_s, u"Holiday closure"_s},
        {u"enabled"_s, false},
        {u"schedule"_s,
         QJsonObject{{u"ranges"_s, QJsonArray{QJsonObject{{u"from"_s, u"2026-12-24T00:00:00"_s},
                                                          {u"to"_s, u"2026-12-26T23:59:00"_s}}}}}},
        {u"callHandlingAction"_s, u"PlayAnnouncementOnly"_s}};
    return {{u"nextId"_s, 3}, {u"records"_s, QJsonArray{vip, holiday}}};
}

// What is stored, or the generated default while nothing is.
QJsonObject afterHoursStored(const RcDirectory& directory, const RcExtension& e) {
    return e.afterHoursRule.isEmpty() ? demoAfterHoursRule(directory, e) : e.afterHoursRule;
}

QJsonObject customStored(const RcExtension& e) {
    return e.customRules.isEmpty() ? demoCustomRules(e) : e.customRules;
}

QJsonArray customRecords(const RcExtension& e) {
    return customStored(e).value(u"records"_s).toArray();
}

void storeCustomRecords(RcExtension& e, const QJsonArray& records, qint64 nextId) {
    e.customRules = QJsonObject{{u"nextId"_s, static_cast<double>(nextId)}, {u"records"_s, records}};
}

qint64 nextCustomId(const RcExtension& e) {
    return static_cast<qint64>(customStored(e).value(u"nextId"_s).toDouble(1));
}

qsizetype customIndex(const RcExtension& e, const QString& ruleId) {
    const QJsonArray records = customRecords(e);
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (records.at(i).toObject().value(u"id"_s).toString() == ruleId)
            return i;
    }
    return -1;
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

bool RcCallHandlingApi::afterHoursExists(const RcExtension& e) {
    return !businessHoursSchedule(e).value(u"weeklyRanges"_s).toObject().isEmpty();
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
    readWeeklyRanges(r, weekly, u"schedule.weeklyRanges"_s);
    if (r.failed())
        return r.error();
    extension.businessHours = QJsonObject{{u"set"_s, true}, {u"weeklyRanges"_s, weekly}};
    return getBusinessHours(call, extension);
}

QJsonObject RcCallHandlingApi::ruleJson(const RcCall& call, const RcExtension& e, const QString& ruleId) {
    const bool business = ruleId == kBusinessRule;
    const bool afterHours = ruleId == kAfterRule;
    const qsizetype custom = business || afterHours ? -1 : customIndex(e, ruleId);
    const QJsonObject stored = business     ? e.businessHoursRule
                               : afterHours ? afterHoursStored(call.directory(), e)
                                            : customRecords(e).at(custom).toObject();
    const QString type = business ? u"BusinessHours"_s : afterHours ? u"AfterHours"_s : kCustomType;
    QJsonObject o{
        {u"uri"_s, call.extensionUri(e.id) + u"/answering-rule/"_s + ruleId},
        {u"id"_s, ruleId},
        {u"type"_s, type},
        {u"name"_s, business     ? u"Business Hours"_s
                    : afterHours ? u"After Hours"_s
                                 : stored.value(u"name"_s).toString()},
        {u"enabled"_s, stored.value(u"enabled"_s).toBool(true)},
        {u"callHandlingAction"_s, stored.value(u"callHandlingAction"_s)
                                      .toString(afterHours ? u"TakeMessagesOnly"_s : u"ForwardCalls"_s)},
        {u"screening"_s, stored.value(u"screening"_s).toString(u"Off"_s)},
        {u"voicemail"_s,
         QJsonObject{{u"enabled"_s, stored.value(u"voicemailEnabled"_s).toBool(true)},
                     {u"recipient"_s, QJsonObject{{u"uri"_s, call.extensionUri(e.id)}, {u"id"_s, e.id}}}}},
        {u"greetings"_s, RcGreetingsApi::rendered(call, e, stored.value(u"greetings"_s).toArray(), type)}};
    if (custom < 0) {
        o.insert(u"schedule"_s, QJsonObject{{u"ref"_s, type}});
    } else {
        o.insert(u"schedule"_s, stored.value(u"schedule"_s).toObject());
        for (const QString& condition : {u"callers"_s, u"calledNumbers"_s}) {
            if (!stored.value(condition).toArray().isEmpty())
                o.insert(condition, stored.value(condition));
        }
    }
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

QList<QJsonObject> RcCallHandlingApi::allRules(const RcCall& call, const RcExtension& extension) {
    QList<QJsonObject> rules{ruleJson(call, extension, kBusinessRule)};
    if (afterHoursExists(extension))
        rules.append(ruleJson(call, extension, kAfterRule));
    for (const auto& record : customRecords(extension))
        rules.append(ruleJson(call, extension, record.toObject().value(u"id"_s).toString()));
    return rules;
}

EmulatorResponse RcCallHandlingApi::listAnsweringRules(RcCall& call, const RcExtension& extension) {
    RcPageRequest page;
    QStringList types;
    if (auto error = parseListQuery(call.request.query, &page, {{u"type"_s, kRuleTypes, &types}}))
        return *error;
    QList<QJsonObject> rules;
    for (const QJsonObject& rule : allRules(call, extension)) {
        if (types.isEmpty() || types.contains(rule.value(u"type"_s).toString()))
            rules.append(rule);
    }
    const bool detailed = call.request.query.queryItemValue(u"view"_s) == u"Detailed";
    return pagedList(call.extensionUri(extension.id) + u"/answering-rule"_s, call.request.query, page,
                     static_cast<int>(rules.size()), [&](int i) {
                         const QJsonObject& full = rules.at(i);
                         if (detailed)
                             return full;
                         QJsonObject simple{{u"uri"_s, full.value(u"uri"_s)},
                                            {u"id"_s, full.value(u"id"_s)},
                                            {u"type"_s, full.value(u"type"_s)},
                                            {u"enabled"_s, full.value(u"enabled"_s)}};
                         if (full.value(u"type"_s) == kCustomType)
                             simple.insert(u"name"_s, full.value(u"name"_s));
                         return simple;
                     });
}

EmulatorResponse RcCallHandlingApi::getAnsweringRule(RcCall& call, const RcExtension& extension,
                                                     const QString& ruleId) {
    const bool exists = ruleId == kBusinessRule || (ruleId == kAfterRule && afterHoursExists(extension)) ||
                        customIndex(extension, ruleId) >= 0;
    if (!exists)
        return RcErrors::notFound(u"ruleId"_s, ruleId);
    return jsonResponse(ruleJson(call, extension, ruleId));
}

EmulatorResponse RcCallHandlingApi::putAnsweringRule(RcCall& call, RcExtension& extension,
                                                     const QString& ruleId) {
    const bool business = ruleId == kBusinessRule;
    const bool defaultRule = business || ruleId == kAfterRule;
    const qsizetype custom = defaultRule ? -1 : customIndex(extension, ruleId);
    if ((ruleId == kAfterRule && !afterHoursExists(extension)) || (!defaultRule && custom < 0))
        return RcErrors::notFound(u"ruleId"_s, ruleId);
    QJsonObject body;
    if (auto error = RcBodyReader::parse(call.request, &body))
        return *error;
    RcBodyReader r;
    QJsonObject stored = business      ? extension.businessHoursRule
                         : defaultRule ? afterHoursStored(call.directory(), extension)
                                       : customRecords(extension).at(custom).toObject();
    if (defaultRule) {
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
    } else {
        readConditions(r, body, stored);
        if (!r.failed() && !hasCondition(stored))
            r.fail(u"schedule"_s,
                   tr("A custom rule needs a condition: a schedule, callers or called numbers."));
    }
    if (auto error = readRuleAction(call, r, body, extension, stored))
        return *error;
    if (r.failed())
        return r.error();
    if (business) {
        extension.businessHoursRule = stored;
    } else if (defaultRule) {
        extension.afterHoursRule = stored;
    } else {
        QJsonArray records = customRecords(extension);
        records.replace(custom, stored);
        storeCustomRecords(extension, records, nextCustomId(extension));
    }
    return jsonResponse(ruleJson(call, extension, ruleId));
}

EmulatorResponse RcCallHandlingApi::createAnsweringRule(RcCall& call, RcExtension& extension) {
    QJsonObject body;
    if (auto error = RcBodyReader::parse(call.request, &body))
        return *error;
    RcBodyReader r;
    QString type = kCustomType;
    r.oneOf(body, u"type"_s, u"type"_s, QStringList{kCustomType}, &type);
    QJsonObject stored;
    readConditions(r, body, stored);
    if (!r.failed() && stored.value(u"name"_s).toString().isEmpty())
        r.fail(u"name"_s, tr("A custom rule needs a name."));
    if (!r.failed() && !hasCondition(stored))
        r.fail(u"schedule"_s, tr("A custom rule needs a condition: a schedule, callers or called numbers."));
    if (auto error = readRuleAction(call, r, body, extension, stored))
        return *error;
    if (r.failed())
        return r.error();
    // Custom rule ids are numeric strings, unique in the account: the extension's id and a counter.
    const qint64 next = nextCustomId(extension);
    const QString id = QString::number(extension.id * 100 + next);
    stored.insert(u"id"_s, id);
    QJsonArray records = customRecords(extension);
    records.append(stored);
    storeCustomRecords(extension, records, next + 1);
    return jsonResponse(ruleJson(call, extension, id));
}

EmulatorResponse RcCallHandlingApi::deleteAnsweringRule(RcCall& call, RcExtension& extension,
                                                        const QString& ruleId) {
    Q_UNUSED(call)
    // UNCONFIRMED: the error code for deleting a default rule (docs/api/ringcentral.md, open question 1).
    if (ruleId == kBusinessRule || ruleId == kAfterRule)
        return RcErrors::invalidParameter(
            u"ruleId"_s, tr("The default rules cannot be deleted; only custom rules can."), ruleId);
    const qsizetype custom = customIndex(extension, ruleId);
    if (custom < 0)
        return RcErrors::notFound(u"ruleId"_s, ruleId);
    QJsonArray records = customRecords(extension);
    records.removeAt(custom);
    storeCustomRecords(extension, records, nextCustomId(extension));
    return noContent();
}

} // namespace trunkline::emulator::ringcentral

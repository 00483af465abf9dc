// Builds JSON from concatenated strings; QStringBuilder's lazy results do not convert to QJsonValue.
#undef QT_USE_QSTRINGBUILDER

#include "emulator/ringcentral/RcApi.h"
#include "emulator/ringcentral/RcErrors.h"
#include "emulator/ringcentral/RcPaging.h"

#include <QJsonArray>
#include <array>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

namespace {

// UNCONFIRMED: the preset ids and names; RingCentral's dictionary was not available. Stable choices.
struct PresetGreeting {
    const char16_t* id;
    const char16_t* type;
    const char16_t* name;
};
constexpr std::array<PresetGreeting, 6> kPresets = {{{u"65536", u"Voicemail", u"Default"},
                                                     {u"65537", u"Introductory", u"None"},
                                                     {u"65538", u"Announcement", u"Default"},
                                                     {u"65539", u"ConnectingAudio", u"Acoustic"},
                                                     {u"65540", u"HoldMusic", u"Acoustic"},
                                                     {u"65541", u"ConnectingMessage", u"Default"}}};

const QStringList kGreetingTypes = [] {
    QStringList types;
    for (const PresetGreeting& preset : kPresets)
        types << QString::fromUtf16(preset.type);
    return types;
}();

const PresetGreeting* preset(const QString& id) {
    for (const PresetGreeting& p : kPresets) {
        if (id == QStringView(p.id))
            return &p;
    }
    return nullptr;
}

QString dictionaryUri(const RcCall& call) {
    return call.base + u"/restapi/v1.0/dictionary/greeting"_s;
}

QJsonObject presetRef(const RcCall& call, const PresetGreeting& p) {
    return {{u"uri"_s, dictionaryUri(call) + u'/' + QString::fromUtf16(p.id)},
            {u"id"_s, QString::fromUtf16(p.id)},
            {u"name"_s, QString::fromUtf16(p.name)}};
}

// What a rule plays when nobody chose otherwise: the default voicemail greeting, no introduction, and for
// calls that are not taken by a person (after hours, custom rules) the default announcement as well.
QJsonArray defaultGreetings(const QString& ruleType) {
    QJsonArray greetings{
        QJsonObject{{u"type"_s, u"Voicemail"_s}, {u"preset"_s, QJsonObject{{u"id"_s, u"65536"_s}}}},
        QJsonObject{{u"type"_s, u"Introductory"_s}, {u"preset"_s, QJsonObject{{u"id"_s, u"65537"_s}}}}};
    if (ruleType != u"BusinessHours")
        greetings.append(
            QJsonObject{{u"type"_s, u"Announcement"_s}, {u"preset"_s, QJsonObject{{u"id"_s, u"65538"_s}}}});
    return greetings;
}

} // namespace

QJsonArray RcGreetingsApi::rendered(const RcCall& call, const RcExtension& extension,
                                    const QJsonArray& stored, const QString& ruleType) {
    QJsonArray out;
    for (const auto& value : stored.isEmpty() ? defaultGreetings(ruleType) : stored) {
        const QJsonObject greeting = value.toObject();
        QJsonObject entry{{u"type"_s, greeting.value(u"type"_s)}};
        const QString presetId = greeting.value(u"preset"_s).toObject().value(u"id"_s).toString();
        const QString customId = greeting.value(u"custom"_s).toObject().value(u"id"_s).toString();
        if (const PresetGreeting* p = preset(presetId))
            entry.insert(u"preset"_s, presetRef(call, *p));
        else if (!customId.isEmpty())
            entry.insert(u"custom"_s,
                         QJsonObject{{u"uri"_s, call.extensionUri(extension.id) + u"/greeting/"_s + customId},
                                     {u"id"_s, customId}});
        else
            entry.insert(u"preset"_s, QJsonObject{{u"id"_s, presetId}}); // an id this server does not know
        out.append(entry);
    }
    return out;
}

EmulatorResponse RcGreetingsApi::listPresets(RcCall& call) {
    RcPageRequest page;
    QStringList types;
    if (auto error = parseListQuery(call.request.query, &page, {{u"type"_s, kGreetingTypes, &types}}))
        return *error;
    QList<const PresetGreeting*> shown;
    for (const PresetGreeting& p : kPresets) {
        if (types.isEmpty() || types.contains(QString::fromUtf16(p.type)))
            shown.append(&p);
    }
    return pagedList(dictionaryUri(call), call.request.query, page, static_cast<int>(shown.size()),
                     [&](int i) {
                         QJsonObject record = presetRef(call, *shown.at(i));
                         record.insert(u"type"_s, QString::fromUtf16(shown.at(i)->type));
                         record.insert(u"usageType"_s, u"UserExtensionAnsweringRule"_s);
                         return record;
                     });
}

EmulatorResponse RcGreetingsApi::getCustom(RcCall& call, const RcExtension& extension,
                                           const QString& greetingId) {
    // A custom greeting exists while one of the extension's rules plays it.
    for (const QJsonObject& rule : RcCallHandlingApi::allRules(call, extension)) {
        for (const auto& value : rule.value(u"greetings"_s).toArray()) {
            const QJsonObject greeting = value.toObject();
            if (greeting.value(u"custom"_s).toObject().value(u"id"_s).toString() != greetingId)
                continue;
            const QString uri = call.extensionUri(extension.id) + u"/greeting/"_s + greetingId;
            return jsonResponse({{u"uri"_s, uri},
                                 {u"id"_s, greetingId},
                                 {u"type"_s, greeting.value(u"type"_s)},
                                 {u"contentType"_s, u"audio/mpeg"_s},
                                 {u"contentUri"_s, uri + u"/content"_s},
                                 {u"answeringRule"_s, QJsonObject{{u"uri"_s, rule.value(u"uri"_s)},
                                                                  {u"id"_s, rule.value(u"id"_s)}}}});
        }
    }
    return RcErrors::notFound(u"greetingId"_s, greetingId);
}

} // namespace trunkline::emulator::ringcentral

#include "emulator/restcomm/RestcommApi.h"
#include "emulator/restcomm/RestcommWire.h"

#include <QRegularExpression>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::restcomm {

namespace {

// AvailablePhoneNumbers "Contains": digits kept, '*' one digit, letters through Restcomm's off-by-one
// keypad (ABC->1 ... WXYZ->9), anything else 0; wrapped as ((pattern)+).* (docs/api/restcomm-numbers.md §9).
QString containsPattern(const QString& contains) {
    QString pattern;
    for (const QChar c : contains.toUpper()) {
        if (c.isDigit())
            pattern += c;
        else if (c == u'*')
            pattern += u"[0-9]"_s;
        else if (c >= u'A' && c <= u'Z') {
            static const QString keypad = u"11122233344455566667778999"_s;
            pattern += keypad.at(c.unicode() - u'A');
        } else
            pattern += u'0';
    }
    return u"^((" + pattern + u")+).*$";
}

} // namespace

EmulatorResponse RestcommAvailableNumbersApi::search(const RestcommState& state, const RestcommCall& call,
                                                     const QString& country, const QString& kind) {
    const QUrlQuery& q = call.request->query;
    auto value = [&](const QString& key) {
        return q.queryItemValue(key, QUrl::FullyDecoded);
    };
    const QString areaCode = value(u"AreaCode"_s);
    const QString contains = value(u"Contains"_s);
    const QRegularExpression containsRe(contains.isEmpty() ? u".*"_s : containsPattern(contains));
    QList<const AvailableNumber*> hits;
    for (const AvailableNumber& a : state.data.available) {
        if (a.isoCountry.compare(country, Qt::CaseInsensitive) != 0)
            continue;
        // For Local, a non-US country is searched as type Global (any type).
        if (!(kind == u"Local" && country.compare(u"US"_s, Qt::CaseInsensitive) != 0) && a.type != kind)
            continue;
        const QString national =
            a.phoneNumber.startsWith(u"+1") ? a.phoneNumber.mid(2) : a.phoneNumber.mid(1);
        if (!areaCode.isEmpty() && !national.startsWith(areaCode))
            continue;
        if (!contains.isEmpty() && !containsRe.match(national).hasMatch())
            continue;
        auto wants = [&](const QString& key, bool capable) {
            return !javaParseBoolean(value(key)) || capable;
        };
        if (!wants(u"VoiceEnabled"_s, a.voice) || !wants(u"SmsEnabled"_s, a.sms) ||
            !wants(u"MmsEnabled"_s, a.mms) || !wants(u"FaxEnabled"_s, a.fax))
            continue;
        if (q.hasQueryItem(u"InPostalCode"_s) && a.postalCode != value(u"InPostalCode"_s))
            continue;
        if (q.hasQueryItem(u"InRegion"_s) && a.region != value(u"InRegion"_s))
            continue;
        if (q.hasQueryItem(u"InRateCenter"_s) && a.rateCenter != value(u"InRateCenter"_s))
            continue;
        if (q.hasQueryItem(u"InLata"_s) && a.lata != value(u"InLata"_s))
            continue;
        hits.append(&a);
    }
    // camelCase members, nulls omitted (docs/api/restcomm-numbers.md §9).
    auto members = [](const AvailableNumber& a) {
        QList<QPair<QString, QString>> m{{u"friendlyName"_s, a.friendlyName},
                                         {u"phoneNumber"_s, a.phoneNumber},
                                         {u"lata"_s, a.lata},
                                         {u"rateCenter"_s, a.rateCenter},
                                         {u"region"_s, a.region},
                                         {u"postalCode"_s, a.postalCode},
                                         {u"isoCountry"_s, a.isoCountry},
                                         {u"cost"_s, a.cost}};
        m.removeIf([](const QPair<QString, QString>& p) { return p.second.isEmpty(); });
        return m;
    };
    if (call.json) {
        QByteArray body = "[]";
        if (!hits.isEmpty()) {
            body = "[\n";
            for (qsizetype i = 0; i < hits.size(); ++i) {
                const AvailableNumber& a = *hits.at(i);
                QList<QPair<QString, QByteArray>> object;
                for (const auto& [key, text] : members(a))
                    object.append({key, RestcommJson::scalar(text)});
                for (const auto& [key, flag] :
                     {std::pair{u"voiceCapable"_s, a.voice}, std::pair{u"smsCapable"_s, a.sms},
                      std::pair{u"mmsCapable"_s, a.mms}, std::pair{u"faxCapable"_s, a.fax}})
                    object.append({key, flag ? QByteArrayLiteral("true") : QByteArrayLiteral("false")});
                body += RestcommJson::pad(2) + RestcommJson::object(object, 2) +
                        (i + 1 < hits.size() ? ",\n" : "\n");
            }
            body += ']';
        }
        return formatted(200, true, body);
    }
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartElement(u"AvailablePhoneNumbers"_s);
    for (const AvailableNumber* a : hits) {
        xml.writeStartElement(u"AvailablePhoneNumber"_s);
        for (const auto& [key, text] : members(*a))
            xml.writeTextElement(key.at(0).toUpper() + key.mid(1), text);
        xml.writeEndElement();
    }
    xml.writeEndElement();
    return formatted(200, false, xmlDocument(out));
}

EmulatorResponse RestcommAvailableNumbersApi::countries(const RestcommCall& call) {
    return call.json ? formatted(200, true, "[\n  \"US\"\n]")
                     : formatted(200, false,
                                 xmlDocument("<AvailableCountries><AvailableCountry>US</AvailableCountry>"
                                             "</AvailableCountries>"));
}

} // namespace trunkline::emulator::restcomm

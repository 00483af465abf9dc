// Builds JSON from concatenated strings; QStringBuilder's lazy results do not convert to QJsonValue.
#undef QT_USE_QSTRINGBUILDER

#include "emulator/ringcentral/RcDictionary.h"

#include "emulator/ringcentral/RcApi.h"
#include "emulator/ringcentral/RcPaging.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

const std::array<RcDictEntry, 6> kRcTimezones = {
    {{u"58", u"US/Eastern", u"Eastern Time (US & Canada)", u"-300"},
     {u"59", u"US/Central", u"Central Time (US & Canada)", u"-360"},
     {u"60", u"US/Mountain", u"Mountain Time (US & Canada)", u"-420"},
     {u"61", u"US/Pacific", u"Pacific Time (US & Canada)", u"-480"},
     {u"70", u"Europe/Berlin", u"Amsterdam, Berlin, Rome, Vienna", u"60"},
     {u"71", u"Europe/London", u"Dublin, Edinburgh, Lisbon, London", u"0"}}};
const std::array<RcDictEntry, 3> kRcLanguages = {{{u"1033", u"English (United States)", u"en-US", u""},
                                                  {u"1031", u"German (Germany)", u"de-DE", u""},
                                                  {u"2057", u"English (United Kingdom)", u"en-GB", u""}}};
const std::array<RcDictEntry, 3> kRcCountries = {{{u"1", u"United States", u"US", u"1"},
                                                  {u"83", u"Germany", u"DE", u"49"},
                                                  {u"224", u"United Kingdom", u"GB", u"44"}}};

QString countryIdOf(const QString& e164) {
    if (e164.startsWith(u"+49"))
        return u"83"_s;
    if (e164.startsWith(u"+44"))
        return u"224"_s;
    return u"1"_s;
}

EmulatorResponse RcTimeZonesApi::list(RcCall& call) {
    RcPageRequest page;
    if (auto error = parsePaging(call.request.query, &page))
        return *error;
    const QString uri = call.base + u"/restapi/v1.0/dictionary/timezone"_s;
    return pagedBytes(uri, call.request.query, page, static_cast<int>(kRcTimezones.size()), [&](int i) {
        const RcDictEntry& tz = kRcTimezones.at(static_cast<std::size_t>(i));
        return QJsonDocument(QJsonObject{{u"uri"_s, uri + u'/' + str(tz.id)},
                                         {u"id"_s, str(tz.id)},
                                         {u"name"_s, str(tz.name)},
                                         {u"description"_s, str(tz.description)},
                                         {u"bias"_s, str(tz.extra)}})
            .toJson(QJsonDocument::Compact);
    });
}

} // namespace trunkline::emulator::ringcentral

#include "emulator/ringcentral/RcBodyReader.h"

#include "emulator/ringcentral/RcErrors.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

RcBodyReader::RcBodyReader()
    : JsonRequestReader(Wording{
          tr("Expected %1, got %2."),
          tr("At most %1 characters are allowed, got %2."),
          tr("Expected an integer, got %1."),
          tr("\"%1\" is not one of: %2."),
          tr("\"%1\" is not a valid phone number in E.164 format (+ and country code)."),
          tr("a string"),
          tr("a boolean"),
          tr("an integer"),
          tr("an object"),
          tr("an array"),
      }) {
}

EmulatorResponse RcBodyReader::error() const {
    return RcErrors::invalidParameter(problem()->path, problem()->detail, problem()->value);
}

std::optional<EmulatorResponse> RcBodyReader::parse(const EmulatorRequest& request, QJsonObject* out) {
    const Body body = JsonRequestReader::parse(request.body);
    switch (body.fault) {
    case BodyFault::Empty:
        return RcErrors::invalidJson(tr("The request body is empty; a JSON object is expected."));
    case BodyFault::Malformed:
        return RcErrors::invalidJson(tr("%1 at offset %2.").arg(body.parseError).arg(body.offset));
    case BodyFault::NotAnObject:
        return RcErrors::invalidJson(tr("The top level must be a JSON object."));
    case BodyFault::None:
        break;
    }
    *out = body.object;
    return std::nullopt;
}

bool RcBodyReader::isEmail(const QString& text) {
    static const QRegularExpression pattern(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    return text.size() <= 254 && pattern.match(text).hasMatch();
}

} // namespace trunkline::emulator::ringcentral

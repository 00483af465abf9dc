#include "gui/DatabaseStatusText.h"

#include <QDir>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

QString DatabaseStatusText::describe(const QString& pathOrUrl) {
    const QUrl url(pathOrUrl, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (url.isValid() && (scheme == "postgresql"_L1 || scheme == "postgres"_L1)) {
        QString server = url.host();
        if (url.port() != -1) {
            server += u':' + QString::number(url.port());
        }
        QString database = url.path();
        if (database.startsWith(u'/')) {
            database.remove(0, 1);
        }
        return tr("PostgreSQL: %1/%2").arg(server, database);
    }
    QString path = pathOrUrl;
    if (scheme == "file"_L1) {
        path = url.toLocalFile();
    }
    return tr("Local database: %1").arg(QDir::toNativeSeparators(path));
}

} // namespace trunkline::gui

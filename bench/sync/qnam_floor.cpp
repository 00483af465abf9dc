// trunkline-bench-qnam-floor: downloads the pages listed in a file (one URL per line) with nothing but
// QNetworkAccessManager, as many at a time as asked, spread over one manager per 6 requests as
// net::ApiClient does; bodies are read and dropped. Its time is the floor for any client built on Qt's
// HTTP stack (the issue requires QNetworkAccessManager), beside curl's floor. The bearer token is read
// from standard input (never from the command line). Prints "seconds=… pages=… failed=…".

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 3) {
        QTextStream(stderr)
            << "usage: trunkline-bench-qnam-floor URLS_FILE IN_FLIGHT  (bearer token on stdin)" << Qt::endl;
        return 2;
    }
    QFile list(arguments.at(1));
    if (!list.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << list.errorString() << Qt::endl;
        return 1;
    }
    std::deque<QByteArray> urls;
    for (const QByteArray& line : list.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            urls.push_back(line.trimmed());
    }
    const QByteArray authorization = "Bearer " + QTextStream(stdin).readLine().trimmed().toLatin1();
    const int inFlight = std::max(1, arguments.at(2).toInt());

    std::vector<std::unique_ptr<QNetworkAccessManager>> lanes(static_cast<size_t>((inFlight + 5) / 6));
    for (auto& lane : lanes)
        lane = std::make_unique<QNetworkAccessManager>();
    const qsizetype total = static_cast<qsizetype>(urls.size());
    qsizetype done = 0;
    qsizetype failed = 0;
    size_t nextLane = 0;
    std::function<void()> sendNext = [&] {
        if (urls.empty())
            return;
        QNetworkRequest request(QUrl::fromEncoded(urls.front()));
        urls.pop_front();
        request.setRawHeader("Authorization", authorization);
        QNetworkReply* reply = lanes.at(nextLane++ % lanes.size())->get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            reply->readAll();
            if (reply->error() != QNetworkReply::NoError)
                ++failed;
            reply->deleteLater();
            if (++done == total)
                app.quit();
            else
                sendNext();
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < inFlight; ++i)
        sendNext();
    if (total > 0)
        app.exec();
    QTextStream(stdout) << "seconds="
                        << QString::number(static_cast<double>(timer.nsecsElapsed()) / 1e9, 'f', 2)
                        << " pages=" << done << " failed=" << failed << Qt::endl;
    return failed == 0 ? 0 : 1;
}

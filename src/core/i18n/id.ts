/**
 * Katalog Bahasa Indonesia. Nadanya mengikuti panduan "Mentoring Sebaya"
 * (shared/seed): hangat, setara, dan menghargai privasi.
 */
import type { MessageKey } from "./en";

export const id: Record<MessageKey, string> = {
  "language.id": "Bahasa Indonesia",
  "language.en": "English",

  "error.generic": "Ada kendala di sisi kami. Tidak ada yang berubah; coba lagi sebentar lagi, ya.",
  "error.invalid": "Ada yang belum pas, jadi tidak ada yang diubah:",
  "error.unknownCommand": "Saya belum paham perintah itu. Ini yang bisa saya bantu:",
  "problem.required": "{field} wajib diisi.",
  "problem.tooSmall": "{field} minimal {min}.",
  "problem.tooBig": "{field} maksimal {max}.",
  "problem.tooShort": "{field} tidak boleh kosong.",
  "problem.tooLong": "{field} terlalu panjang (maksimal {max} karakter).",
  "problem.timezone": "{field}: saya belum kenal zona waktu itu. Coba WIB, WITA, WIT, atau nama seperti Asia/Jakarta.",
  "problem.invalid": "{field} belum benar.",
  "problem.unexpected": "“{field}” tidak saya kenal di sini.",
  "problem.control": "{field} berisi karakter tak terlihat yang tidak bisa saya simpan. Coba ketik ulang, ya.",
  "problem.number": "{field} perlu diisi angka bulat, misalnya 2.",
  "problem.yesNo": "{field}: jawab ya atau tidak.",
  "problem.choice": "{field}: pilih salah satu, dengan nomor atau namanya.",
  "problem.format": "{field}: tulis seperti {example}.",
  "error.unreadable":
    "Tombol atau formulir itu tidak bisa saya baca (mungkin dari pesan lama). Tidak ada yang berubah; /mentoring status menunjukkan keadaan terbaru.",
  "refusal.notFound":
    "Saya tidak menemukannya di sini, jadi tidak ada yang berubah. /mentoring status menunjukkan keadaan terbaru.",
  "refusal.joinFromChannel": "Silakan daftar dari kanal program itu, ya: pendaftarannya ada di sana.",
  "refusal.formIncomplete": "Tolong jawab semua pertanyaan di formulir. Belum ada yang tersimpan.",
  "refusal.notOrganizer":
    "Hanya penyelenggara program yang bisa melakukan itu. Kalau menurut Anda seharusnya Anda termasuk, tanyakan ke orang yang menyiapkan program ini.",
  "refusal.noProgram": "Belum ada program mentoring di kanal ini. Penyelenggara bisa memulainya dengan /mentoring setup.",
  "refusal.needChannel": "Perintah ini dipakai di kanal program, ya.",
  "refusal.programExists": "Kanal ini sudah menjalankan program “{name}”.",
  "refusal.roundAlreadyOpen": "Putaran {number} masih berjalan. Tutup dulu sebelum membuka putaran baru.",
  "refusal.noRound": "Saat ini belum ada putaran yang dibuka. Penyelenggara akan mengumumkan putaran berikutnya di sini.",
  "refusal.signupClosed":
    "Pendaftaran putaran {number} sudah ditutup dan pasangan sudah dicocokkan. Pantau kanal ini untuk putaran berikutnya, ya.",
  "refusal.alreadyJoined": "Anda sudah terdaftar di putaran {number}. Lihat perkembangannya dengan /mentoring status.",
  "refusal.notEnrolled": "Anda belum ikut putaran ini. Daftar dengan /mentoring join.",
  "refusal.noPairing": "Saat ini Anda belum punya pasangan mentoring yang aktif.",
  "refusal.pairingEnded": "Pasangan mentoring itu sudah selesai, jadi tidak ada lagi yang perlu dilakukan.",
  "refusal.notInPairing": "Itu bukan pasangan mentoring Anda.",
  "refusal.noSession": "Belum ada sesi yang bisa diceritakan. Sepakati jadwal dengan rekan Anda dulu, ya.",
  "refusal.sessionNotYet": "Sesi {number} belum berlangsung (mulai {when}). Ceritakan setelah kalian bertemu, ya.",
  "refusal.alreadyCheckedIn": "Anda sudah bercerita tentang sesi {number}. Terima kasih!",
  "refusal.noProposal": "Belum ada usulan jadwal yang perlu disetujui.",
  "refusal.ownProposal": "Jadwal ini usulan Anda; rekan Anda yang perlu menyetujuinya.",
  "refusal.staleProposal": "Usulan itu sudah diganti yang lebih baru. Coba lihat usulan terakhir, ya.",
  "refusal.cadenceAgreed": "Jadwal ini sudah disepakati.",
  "refusal.alreadyPaused": "Anda sedang rehat sampai {date}.",
  "refusal.notPaused": "Anda sedang tidak rehat.",
  "refusal.pauseInPast": "Tanggal kembali harus setelah hari ini.",
  "refusal.pauseTooLong": "Rehat paling lama sampai putaran selesai ({date}).",
  "refusal.roundNotRunning": "Pencocokan hanya bisa dijalankan selama putaran {number} dibuka atau berjalan.",
  "refusal.tooFewToMatch": "Belum cukup orang yang menunggu untuk dicocokkan (minimal dua).",
  "refusal.noRoundToClose": "Tidak ada putaran yang bisa ditutup.",
  "refusal.emptyJournal": "Catatan pribadi perlu ada isinya.",
  "refusal.rematchNotOffered": "Rekan baru tidak bisa dicarikan untuk pasangan itu.",

  "field.name": "Nama program",
  "field.language": "Bahasa",
  "field.timezone": "Zona waktu",
  "field.roundWeeks": "Lama putaran (minggu)",
  "field.weeks": "Lama putaran (minggu)",
  "field.expertise": "Keahlian yang bisa dibagikan",
  "field.goals": "Yang ingin dipelajari",
  "field.interests": "Minat",
  "field.team": "Tim",
  "field.partnersWanted": "Jumlah rekan",
  "field.everyDays": "Berapa hari sekali",
  "field.minutes": "Lama sesi (menit)",
  "field.weekday": "Hari",
  "field.time": "Jam",
  "field.rating": "Bagaimana sesinya? (1 sampai 5)",
  "field.note": "Catatan sesi",
  "field.text": "Catatan",
  "field.until": "Rehat sampai",
  "field.reason": "Kenapa Anda mengakhirinya?",
  "field.messageToPartner": "Pesan hangat untuk rekan Anda",
  "field.rematch": "Cocokkan saya dengan rekan baru",
  "field.notAFit": "Kami kurang cocok",
  "field.userId": "Nama orang",
  "field.weights": "Bobot pencocokan",
  "field.goal": "Bobot tujuan",
  "field.twoWay": "Bonus dua arah",
  "field.interest": "Bobot minat",
  "field.teamPolicy": "Aturan tim",
  "field.noOverlap": "Pengurang bila jam kerja tidak beririsan",
  "field.repeat": "Pengurang untuk rekan putaran lalu",
  "field.fairness": "Bonus keadilan",
  "field.workdayStart": "Jam mulai kerja",
  "field.workdayEnd": "Jam selesai kerja",
  "field.outcome": "Apakah kalian bertemu?",
  "field.pairingId": "Pasangan",
  "field.sessionId": "Sesi",
  "field.dryRun": "Pratinjau",
  "field.roundId": "Putaran",
  "field.proposalOf": "Usulan",
  "field.type": "Perintah",
  "field.command": "Perintah",

  "help.title": "Sebaya: belajar bersama rekan sejawat",
  "help.intro":
    "Mentoring sebaya itu saling berbagi: Anda membagikan yang Anda tahu dan belajar dari rekan sejawat. Sesi 45-60 menit, 1-2 minggu sekali, sudah cukup efektif.",
  "help.member":
    "Untuk semua:\n• /mentoring join: ikut putaran yang sedang dibuka\n• /mentoring status: rekan, jadwal, dan sesi berikutnya\n• /mentoring schedule: usulkan jadwal rutin ke rekan Anda\n• /mentoring checkin: ceritakan bagaimana sesi terakhir\n• /mentoring journal: tulis catatan pribadi (hanya Anda yang bisa membacanya)\n• /mentoring notes: baca lagi catatan pribadi Anda\n• /mentoring pause: rehat sampai tanggal tertentu; /mentoring resume untuk kembali\n• /mentoring end: akhiri pasangan mentoring dengan baik, secara pribadi\n• /mentoring avoid <orang>: jangan pernah dipasangkan dengan seseorang (rahasia)\n• /mentoring leave: keluar dari putaran (Anda diminta memastikan dulu)",
  "help.organizer":
    "Untuk penyelenggara:\n• /mentoring setup [nama] [bahasa=id|en]: mulai program di kanal ini, dalam bahasanya (admin, atau yang mereka izinkan)\n• /mentoring access [everyone | admins | @peran | @nama]: siapa yang boleh menyiapkan program di sini (khusus admin)\n• /mentoring open: buka putaran baru\n• /mentoring preview: lihat usulan pasangan sebelum ada yang dikirim\n• /mentoring weights [nama=nilai ...]: lihat atau ubah cara pencocokan menilai kecocokan\n• /mentoring hours [8-20 1-5]: kapan bot boleh menghubungi anggota (jam, lalu hari 1 = Senin sampai 7 = Minggu)\n• /mentoring match: cocokkan semua yang sedang menunggu\n• /mentoring organizer @nama: ajak orang lain ikut menyelenggarakan\n• /mentoring role @peran: pemilik peran ini juga boleh menyelenggarakan (Discord)\n• /mentoring report: rekap program (hanya angka, tanpa hal pribadi)\n• {csv} [putaran]: satu baris per anggota (nama, pasangan, sesi, cerita sesi terakhir) sebagai file di DM Anda\n• /mentoring close: tutup putaran",

  "setup.done": "Program mentoring “{name}” sudah disiapkan di kanal ini. Buka putaran pertama dengan /mentoring open.",
  "round.opened": "Putaran {number} sudah dibuka dan diumumkan di kanal.",
  "round.announce.title": "Putaran {number} mentoring sebaya dibuka!",
  "round.announce.body":
    "Bagikan yang Anda tahu, pelajari yang ingin Anda kuasai. Anda akan dipasangkan dengan rekan sejawat dan bertemu 45-60 menit setiap 1-2 minggu, selama {weeks} minggu. Bertemu online juga tidak masalah.",
  "round.announce.join": "Ikut putaran {number}",
  "round.closed": "Putaran {number} ditutup. Terima kasih semuanya!",
  "round.closed.channel":
    "Putaran {number} sudah selesai. Terima kasih untuk semua yang sudah berbagi dan belajar bersama. Sampai jumpa di putaran berikutnya!",

  "join.form.title": "Ikut mentoring sebaya",
  "join.form.submit": "Daftar",
  "join.hint.expertise":
    "Pengalaman apa yang bisa Anda bagikan? Pisahkan dengan koma. Yang penting pengalamannya, bukan gelar atau jabatan.",
  "join.hint.goals": "Hal-hal spesifik yang ingin Anda pelajari, pisahkan dengan koma.",
  "join.hint.interests": "Boleh dikosongkan. Pisahkan dengan koma.",
  "join.hint.timezone": "WIB, WITA, WIT atau zona seperti Asia/Jakarta.",
  "join.hint.partnersWanted": "Boleh lebih dari satu rekan: tiap rekan membawa sudut pandang yang berbeda.",
  "join.done":
    "Anda sudah terdaftar di putaran {number}! Setelah pencocokan, saya akan mengenalkan Anda dengan rekan lewat pesan.",
  "leave.done": "Anda sudah keluar dari putaran {number}. Silakan kembali kapan saja.",
  "leave.partner": "{name} keluar dari putaran mentoring ini. Terima kasih atas waktu yang sudah kalian lalui bersama.",

  "match.preview.title": "Pratinjau: {groups} kelompok diusulkan (belum ada yang dikirim)",
  "match.preview.group": "{names}: skor {score}. {reasons}",
  "match.preview.unmatched":
    "Belum dapat rekan kali ini: {names}. Bisa karena jumlah peserta ganjil, atau karena tidak ada lagi yang bisa dipasangkan dengan mereka di putaran ini. Saat pencocokan dijalankan, mereka tetap ada di daftar dan diberi tahu dengan baik.",
  "match.done": "{groups} kelompok sudah dicocokkan. Pesan perkenalan sedang dikirim.",
  "match.channel": "Pencocokan putaran {number} selesai: {groups} kelompok. Cek pesan Anda untuk perkenalannya!",
  "avoid.done": "Sudah dicatat, dan hanya Anda yang tahu: Anda tidak akan dipasangkan dengan {name}. Tidak ada yang diberi tahu.",
  "refusal.noSuchMember": "Saya belum kenal orang itu. Dia perlu pernah memakai bot ini di ruang kerja ini dulu.",
  "refusal.avoidSelf": "Menghindari diri sendiri tidak bisa, ya. Baik-baiklah pada diri sendiri!",
  "match.unmatched":
    "Kali ini saya belum menemukan rekan untuk Anda. Anda tetap ada di daftar, dan saya akan mengenalkan Anda begitu ada yang cocok.",

  "intro.title": "Kenalan dengan rekan mentoring Anda!",
  "intro.titleTrio": "Kenalan dengan rekan-rekan mentoring Anda!",
  "intro.body": "{names}: kalian dipertemukan di putaran {number} program {program}.",
  "intro.whyTitle": "Kenapa kalian dipasangkan",
  "intro.why.gives": "{giver} bisa berbagi pengalaman soal {topics}, hal yang ingin dipelajari {receiver}.",
  "intro.why.related": "Pengalaman {giver} bersinggungan dengan {topics}, yang ingin dipelajari {receiver}.",
  "intro.why.interests": "Kalian sama-sama menulis {topics} sebagai minat.",
  "intro.why.teams": "Kalian dari tim yang berbeda ({teams}): sudut pandang baru yang segar.",
  "intro.why.fallback": "Tujuan dan pengalaman kalian saling melengkapi.",
  "intro.agendaTitle": "Usulan agenda pertemuan pertama (sekitar 45 menit)",
  "intro.agenda":
    "1. Saling kenal: pekerjaan kalian dan pengalaman yang kalian bawa.\n2. Ceritakan tujuan belajar: {goals}.\n3. Sepakati jadwal rutin: 1-2 minggu sekali, 45-60 menit.\n4. Sepakati aturan main: apa yang cukup diketahui kalian berdua saja, dan topik yang tidak ingin dibahas.",
  "intro.privacy":
    "Jaga kerahasiaan informasi sensitif dan tetapkan batasan yang jelas sejak awal. Pilih tempat bertemu yang nyaman dan aman, tatap muka ataupun online.",
  "intro.next": "Langkah berikutnya: usulkan jadwal rutin.",
  "intro.proposeButton": "Usulkan jadwal",
  "intro.joined": "{name} bergabung dengan kelompok kalian di putaran ini. Sambut dia dengan hangat!",

  "cadence.form.title": "Usulkan jadwal rutin",
  "cadence.form.submit": "Usulkan",
  "cadence.hint.time": "Menurut zona waktu Anda ({timezone}), format JJ:MM.",
  "cadence.hint.timeOwn": "Menurut zona waktu Anda sendiri, format JJ:MM.",
  "cadence.hint.everyDays": "7 sampai 14 hari.",
  "cadence.hint.minutes": "45 sampai 60 menit.",
  "cadence.proposed":
    "{name} mengusulkan bertemu setiap {everyDays} hari selama {minutes} menit, hari {weekday} pukul {time} ({zone}).",
  "cadence.localTime": "Untuk {name}, itu {when}.",
  "cadence.confirmButton": "Setuju",
  "cadence.counterButton": "Usulkan waktu lain",
  "cadence.proposedReply": "Usulan sudah dikirim. Tinggal menunggu rekan Anda setuju.",
  "cadence.agreed": "Jadwal disepakati: setiap {everyDays} hari, {minutes} menit.",
  "cadence.firstSession": "Sesi pertama untuk {name}: {when}",
  "cadence.confirmedReply": "Beres, jadwalnya sudah disepakati. Sampai jumpa di sesi pertama!",

  "checkin.prompt": "Bagaimana sesi {number} tadi? Pilih satu jawaban; masing-masing menjawab untuk dirinya sendiri.",
  "checkin.met": "Kami bertemu",
  "checkin.rescheduled": "Kami ganti jadwal",
  "checkin.notMet": "Kami tidak jadi bertemu",
  "checkin.form.title": "Sesi {number}: cerita singkat",
  "checkin.form.submit": "Kirim",
  "checkin.hint.note": "Hanya Anda yang bisa melihat catatan ini.",
  "checkin.rating.1": "1: kurang bermanfaat",
  "checkin.rating.2": "2",
  "checkin.rating.3": "3: cukup",
  "checkin.rating.4": "4",
  "checkin.rating.5": "5: sangat bermanfaat",
  "checkin.thanks.met": "Terima kasih sudah bercerita! Sesi berikutnya: {when}.",
  "checkin.thanks.rescheduled": "Dicatat. Sesi berikutnya: {when}. Ganti jadwal itu wajar, asal kalian tetap bertemu.",
  "checkin.thanks.notMet":
    "Dicatat; hal seperti ini wajar. Sesi berikutnya: {when}. Kalau ritmenya kurang pas, usulkan jadwal baru atau bicarakan dengan jujur.",
  "milestone.firstMeeting": "🎉 Pertemuan pertama sudah terlaksana! Rayakan pencapaian kecil: lama-lama semuanya berarti.",
  "milestone.thirdMeeting": "🎉 Sudah tiga sesi bersama! Rutinitas mulai terbentuk.",

  "journal.form.title": "Catatan pribadi",
  "journal.form.submit": "Simpan",
  "journal.hint": "Catatan pribadi Anda hanya bisa dibaca oleh Anda.",
  "journal.saved": "Tersimpan. Sekarang ada {count} catatan pribadi Anda, dan hanya Anda yang bisa membacanya.",

  "pause.form.title": "Rehat sejenak",
  "pause.form.submit": "Rehat",
  "pause.hint": "Tanggal kembali, format TTTT-BB-HH.",
  "pause.done":
    "Anda rehat sampai {date}. Sampai saat itu tidak ada pengingat. Ketik /mentoring resume kalau ingin kembali lebih cepat.",
  "pause.partner": "{name} sedang rehat sebentar sampai {date}. Sesi kalian berhenti dulu sampai saat itu.",
  "resume.done": "Selamat datang kembali! Sesi kalian jalan lagi.",
  "resume.partner": "{name} sudah kembali dari rehat. Sesi kalian jalan lagi.",

  "end.form.title": "Akhiri pasangan mentoring",
  "end.form.submit": "Akhiri",
  "end.hint.reason": "Rahasia: hanya Anda yang bisa melihatnya, dan tidak pernah dibagikan.",
  "end.hint.notAFit": "Rahasia. Kalian tidak akan dipasangkan lagi, dan tidak ada yang diberi tahu.",
  "end.hint.messageToPartner": "Boleh dikosongkan. Dikirim ke rekan Anda persis seperti yang Anda tulis.",
  "end.done":
    "Pasangan mentoring Anda dengan {names} sudah diakhiri. Alasan Anda tetap rahasia. Terima kasih untuk sesi-sesi yang sudah kalian jalani bersama.",
  "end.rematchFound": "Anda sudah punya rekan baru: lihat pesan perkenalannya.",
  "end.partner":
    "{name} memutuskan untuk mengakhiri pasangan mentoring kalian. Hal ini wajar dan bukan salah siapa-siapa: ritme dan kebutuhan tiap orang memang berbeda. Terima kasih untuk sesi-sesi yang sudah kalian jalani bersama.",
  "end.partnerMessage": "{name} menitipkan pesan: “{message}”",
  "end.partnerRematch": "Mau dipasangkan dengan rekan baru?",
  "end.rematchButton": "Cocokkan saya dengan rekan baru",
  "end.remaining": "{name} sudah keluar dari kelompok kalian. Kalian yang lain tetap lanjut bersama.",
  "end.button": "Akhiri pasangan",

  "status.title": "Status mentoring Anda",
  "status.program": "Program",
  "status.round": "Putaran",
  "status.roundValue": "{number} ({status}), sampai {date}",
  "status.roundStatus.open": "pendaftaran dibuka",
  "status.roundStatus.running": "berjalan",
  "status.roundStatus.closed": "ditutup",
  "status.notEnrolled": "Anda belum terdaftar di putaran mana pun.",
  "status.waiting": "Menunggu pencocokan.",
  "status.pairing": "Rekan",
  "status.schedule": "Jadwal",
  "status.scheduleValue": "setiap {everyDays} hari, {minutes} menit",
  "status.noSchedule": "belum disepakati",
  "status.nextSession": "Sesi berikutnya",
  "status.none": "belum ada",
  "status.pausedUntil": "Rehat sampai",
  "status.journal": "Catatan pribadi",
  "status.journalValue": "{count} catatan",
  "status.checkinButton": "Ceritakan sesi",
  "status.journalButton": "Tulis catatan pribadi",
  "status.pauseButton": "Rehat sejenak",
  "status.resumeButton": "Lanjutkan",

  "organizer.role": "Semua pemilik peran {role} sekarang boleh ikut menyelenggarakan “{name}”.",
  "access.admins":
    "Saat ini hanya admin ruang kerja yang bisa menyiapkan program mentoring di sini. Admin bisa membukanya untuk semua dengan /mentoring access everyone, atau untuk peran/orang tertentu dengan /mentoring access @nama.",
  "access.everyone":
    "Semua orang di sini bisa menyiapkan program mentoring. Admin bisa membatasinya lagi dengan /mentoring access admins.",
  "access.some":
    "Selain admin, yang boleh menyiapkan program mentoring di sini adalah yang disebut di bawah. Admin bisa membatasinya lagi dengan /mentoring access admins.",
  "access.role": "semua pemilik peran {role}",
  "access.user": "{user}",
  "refusal.setupNotAllowed":
    "Program mentoring hanya bisa disiapkan oleh admin ruang kerja atau orang yang mereka izinkan. Minta admin menjalankan /mentoring setup di sini, atau memberi Anda izin lewat /mentoring access.",
  "refusal.onlyAdmins": "Hanya admin ruang kerja yang bisa mengubah siapa saja yang boleh menyiapkan program.",
  "refusal.needSpace": "Perintah ini dipakai di kanal ruang kerja atau server Anda, bukan lewat pesan langsung.",
  "organizer.roleCleared": "“{name}” tidak lagi punya peran penyelenggara; daftar penyelenggaranya tetap sama.",
  "organizer.added": "{user} sekarang ikut menyelenggarakan “{name}”.",
  // Di bawah pertanyaan bersama di percakapan pasangan: siapa yang menjawab, bukan apa jawabannya.
  "answered.checkin": "✓ {name} sudah bercerita.",
  "answered.evaluation": "✓ {name} sudah menjawab (secara pribadi).",
  "answered.cadence": "✓ {name} menyetujui jadwal.",

  // Laporan penyelenggara: hanya jumlah dan rata-rata.
  "report.title": "Rekap program: {name}",
  "report.noRound": "Belum ada putaran yang dibuka.",
  "report.round": "Putaran {number} ({status}), sampai {date}",
  "report.members": "Anggota",
  "report.pairings": "Pasangan",
  "report.sessions": "Sesi",
  "report.checkIns": "Cerita sesi",
  "report.rating": "Rata-rata nilai sesi",
  "report.average": "{value, number, ::.0} dari 5 ({count} jawaban pertama)",
  "report.tooFew": "ditampilkan mulai {min} jawaban",
  "report.fewerThan": "kurang dari {min}",
  "report.evaluations": "Evaluasi",
  "report.evaluationsValue": "{count}+ terjawab",
  "report.working": "Seberapa baik pasangan berjalan",
  "report.goalsReached": "Tujuan tercapai",
  "report.goalsReachedValue": "{count} (dari {answers} evaluasi pertama)",
  "report.privacy":
    "Catatan pribadi, alasan mengakhiri, dan jawaban tiap orang tetap rahasia. Jawaban dihitung per kelompok {block}, sesuai urutan masuknya, jadi tidak ada satu jawaban pun yang bisa ditebak dari rekap ini.",

  // Beranda (App Home Slack).
  "home.goals": "Tujuan Anda",
  "home.goalReached": "✓ {goal} (tercapai)",
  "home.goalOpen": "• {goal} (sedang berjalan)",
  "home.journal": "Catatan pribadi Anda",
  "home.journalEmpty": "Belum ada catatan.",
  "home.organizer": "Program yang Anda selenggarakan",
  "home.preview": "Pratinjau pasangan",
  "home.match": "Cocokkan sekarang",

  // Seseorang bergabung ke kanal program (hanya dia yang melihat).
  "welcome.roundOpen":
    "Selamat datang! Kanal ini menjalankan program mentoring sebaya “{name}”, dan pendaftaran putaran {number} sedang dibuka.",
  "welcome.program":
    "Selamat datang! Kanal ini menjalankan program mentoring sebaya “{name}”. Ketik /mentoring help untuk melihat cara kerjanya.",

  "console.welcome":
    "Playground Sebaya: ruang kerja tiruan dengan {count} orang dan kanal #{channel}. Anda sekarang {name}. Ketik :help untuk perintah playground, atau /mentoring help untuk bot.",
  "console.help":
    ":as <nama>: berganti peran\n:people: daftar semua orang\n:show [nama]: semua yang bisa dilihat orang itu, dengan tombolnya\n:press <n | label>: tekan tombol di layar terakhir Anda (tiap layar menomori tombolnya mulai dari 1)\n:advance <30m|2h|14d|1w>: majukan jam; pengingat, ajakan bercerita soal sesi, dan evaluasi datang tepat pada waktunya masing-masing\n:now: waktu saat ini\n:help: daftar ini\n:quit: keluar (bisa juga Ctrl-D; di dalam formulir, Ctrl-D hanya menutup formulir)\n/mentoring ...: bicara dengan bot sebagai orang saat ini, di kanal program",
  "console.you": "Anda sekarang {name}.",
  "console.unknownPerson": "Tidak ada yang bernama {name} di sini. Orang-orang: {names}",
  "console.unknownButton":
    "Tidak ada tombol {number} di layar Anda. :show menampilkan semua yang bisa Anda lihat, lengkap dengan tombolnya.",
  "console.restored": "Selamat datang kembali: playground berlanjut dari {when}, dengan semua yang sudah dilihat tiap orang.",
  "console.badInput": "Saya tidak mengerti. Ketik :help untuk perintah playground, atau /mentoring help.",
  "console.now": "Sekarang {when}.",
  "console.badDuration": "Tulis durasi seperti 30m, 2h, 14d atau 1w.",
  "console.form":
    "Formulir: {title}. Tekan Enter untuk memakai [bawaan] atau melewati isian opsional; ketik :cancel untuk menutup.",
  "console.formCancelled":
    "Formulir ditutup; tidak ada yang dikirim. Jawaban Anda sejauh ini disimpan: buka lagi formulirnya untuk melanjutkan.",
  "console.formResumed": "Jawaban Anda sebelumnya sudah terisi: tekan Enter untuk memakainya.",
  "console.answer.yes": "ya",
  "console.answer.no": "tidak",
  "console.yesNo": "y/t",
  "console.people": "Orang-orang: {names}",
  "reminder.time": "{name}: {when}",
  "checkin.nudge": "Sekadar mengingatkan: bagaimana sesi {number}? Cukup satu ketukan.",
  "organizer.twoMissed":
    "{names} ({program}) sudah dua sesi berturut-turut tidak bertemu. Sapaan ramah dari Anda mungkin membantu; apa yang mereka tulis tetap rahasia.",
  "evaluation.prompt":
    "Sudah dua minggu berjalan: saatnya evaluasi ke-{number}. Masing-masing menjawab sendiri, dan jawaban Anda rahasia: tidak ada yang melihatnya, termasuk rekan Anda.",
  "evaluation.open": "Isi evaluasi",
  "evaluation.form.title": "Evaluasi {number}",
  "evaluation.form.submit": "Kirim",
  "evaluation.field.working": "Bagaimana pasangan mentoring ini menurut Anda?",
  "evaluation.working.1": "1: tidak berjalan",
  "evaluation.working.2": "2",
  "evaluation.working.3": "3: cukup",
  "evaluation.working.4": "4",
  "evaluation.working.5": "5: berjalan sangat baik",
  "evaluation.field.goal": "Kemajuan: {goal}",
  "evaluation.progress.not_started": "Belum dimulai",
  "evaluation.progress.progressing": "Ada kemajuan",
  "evaluation.progress.reached": "Tercapai",
  "evaluation.field.adjust": "Ada yang perlu disesuaikan?",
  "evaluation.adjust.nothing": "Tidak ada, lanjut saja",
  "evaluation.adjust.cadence": "Jadwal kami",
  "evaluation.adjust.agenda": "Topik yang kami bahas",
  "evaluation.adjust.end": "Akhiri pasangan ini dengan baik",
  "contact.hours":
    "Sebaya hanya mengirim pesan atas inisiatifnya sendiri antara pukul {from} dan {until} menurut zona waktu masing-masing anggota, pada hari {days}. Di luar jam itu, pengingat menunggu.",
  "refusal.badHours": "Jam mulai harus sebelum jam selesai (misalnya 8-20), jadi tidak ada yang diubah.",
  "evaluation.thanks": "Terima kasih! Evaluasi Anda tetap rahasia.",
  "evaluation.next.cadence": "Tidak apa-apa mengubah cara kalian bertemu. Usulkan jadwal baru ke rekan Anda:",
  "evaluation.next.agenda":
    "Beberapa ide untuk agenda berikutnya: lihat lagi tujuan Anda dan pilih satu untuk difokuskan, bawa masalah nyata dari minggu ini, atau minta rekan Anda menunjukkan cara kerjanya.",
  "evaluation.next.end": "Kalau memang tidak cocok, tidak apa-apa mengakhiri pasangan ini. Caranya sopan dan rahasia:",
  "refusal.alreadyEvaluated": "Anda sudah mengisi evaluasi {number}, jadi tidak ada yang diubah.",
  "refusal.evaluationNotYet": "Evaluasi {number} belum waktunya, jadi tidak ada yang diubah.",
  "milestone.goalReached": "🎉 Tujuan Anda “{goal}” tercapai. Rayakan, dan ceritakan ke rekan Anda kalau mau!",
  "round.signupClosed.channel": "Pendaftaran putaran {number} ditutup: {count} orang ikut. Pasangan segera diumumkan.",
  "round.signupClosed.organizer":
    "Pendaftaran putaran {number} ditutup dengan {count} orang. Lihat dulu usulan pasangannya, lalu jalankan pencocokan:",
  "round.preview": "Lihat usulan pasangan",
  "round.match": "Jalankan pencocokan",
  "round.wrapUp":
    "Putaran {number} program {program} selesai di sini. Kalian {held, plural, =0 {belum sempat mengadakan sesi} other {sudah mengadakan # sesi}} bersama. Terima kasih sudah berbagi dan belajar!",
  "round.wrapUp.goals": "Tujuan yang Anda tandai tercapai: {goals}.",
  "round.wrapUp.invite": "Putaran baru akan diumumkan di kanal program. Kami senang sekali kalau Anda ikut lagi.",
  "pause.ended": "Selamat datang kembali! Masa rehat Anda selesai dan pengingat aktif lagi.",
  "pause.ended.partner": "{name} sudah kembali dari rehat.",
  "delivery.dmClosed":
    "{user}, saya tidak bisa mengirim pesan langsung ke Anda. Tolong izinkan pesan langsung dari aplikasi ini supaya kabar mentoring sampai ke Anda secara pribadi.",
  "delivery.unreachable":
    "Saya tidak bisa menghubungi {name} lewat pesan langsung maupun di kanal {program}. Bisa tolong minta dia mengizinkan pesan langsung dari aplikasi ini?",

  "console.where.reply": "↩ hanya Anda",
  "console.where.dm": "✉ DM",
  "console.where.pair": "👥 pasangan",
  "console.where.answers": "📝 jawaban Anda (hanya Anda)",
  "console.timeline.everyone": "semua orang",
  "console.timeline.reply": "↩ hanya untuk",
  "console.timeline.dm": "✉ DM untuk",
  "console.timeline.pair": "👥 bersama",
  "console.timeline.answers": "📝 jawaban formulir, hanya terlihat oleh",
  // Narasi demo: langkah-langkah panduan, sesuai urutan waktunya.
  "demo.title":
    "Demo Sebaya: satu putaran “{program}”, sesuai urutan kejadiannya. Jam ditulis menurut zona masing-masing pembaca (WIB, WITA, WIT).",
  "demo.step.intake": "1. Kenali keahlian unik yang bisa dibagikan: putaran dibuka dan tujuh orang mendaftar",
  "demo.step.match": "2. Cari rekan dengan minat atau tantangan yang sesuai: pratinjau, lalu pencocokan",
  "demo.step.routine": "3–5. Pertemuan perdana, topik diskusinya, dan jadwal rutin yang disepakati",
  "demo.step.private": "Setelah sesi pertama: cerita sesi, dan apa yang tetap rahasia (catatan sesi, catatan pribadi)",
  "demo.step.endWell": "Kalau ternyata kurang cocok: diakhiri dengan baik, lalu dicarikan rekan baru",
  "demo.step.evaluate":
    "6. Lakukan evaluasi berkala: dua minggu berjalan, masing-masing menjawab secara pribadi, dan satu tujuan tercapai",
  "demo.step.adjust": "7. Terbuka untuk menyesuaikan pendekatan: jadwal baru, dan ide untuk agenda",
  "demo.step.nudge": "Rutinitas baru: pengingat, sapaan lembut, dan pertemuan ketiga",
  "demo.step.wrapUp": "Empat minggu kemudian: putaran ditutup dengan rangkuman untuk semua",
  "console.bye": "Sampai jumpa! Semua yang Anda lakukan tersimpan di {dir}.",

  // Discord: deskripsi perintah slash, dan formulir yang dibagi ke beberapa modal.
  "discord.command.description": "Mentoring sebaya: ikut putaran, bertemu rekan, ceritakan sesi",
  "discord.command.join": "Ikut putaran mentoring yang sedang dibuka",
  "discord.command.leave": "Keluar dari putaran ini",
  "discord.command.status": "Rekan, jadwal, dan sesi berikutnya",
  "discord.command.pause": "Rehat sampai tanggal tertentu",
  "discord.command.resume": "Kembali dari rehat",
  "discord.command.journal": "Tulis catatan pribadi (hanya Anda yang bisa membacanya)",
  "discord.command.end": "Akhiri pasangan mentoring dengan baik, secara pribadi",
  "discord.command.help": "Apa saja yang bisa dilakukan Sebaya",
  "discord.command.schedule": "Usulkan jadwal rutin ke rekan Anda",
  "discord.command.checkin": "Ceritakan bagaimana sesi terakhir",
  "discord.command.setup": "Penyelenggara: mulai program di kanal ini",
  "discord.command.open": "Penyelenggara: buka putaran baru",
  "discord.command.preview": "Penyelenggara: lihat usulan pasangan sebelum ada yang dikirim",
  "discord.command.match": "Penyelenggara: cocokkan semua yang menunggu",
  "discord.command.close": "Penyelenggara: tutup putaran",
  "discord.command.report": "Penyelenggara: rekap program (hanya angka)",
  "discord.command.hours": "Penyelenggara: kapan bot boleh menghubungi anggota",
  "discord.command.avoid": "Jangan pernah dipasangkan dengan seseorang (rahasia)",
  "discord.command.weights": "Penyelenggara: lihat atau ubah cara pencocokan menilai kecocokan",
  "discord.option.until": "Tanggal kembali, format TTTT-BB-HH (kosong: buka formulir)",
  "discord.option.text": "Catatan pribadi Anda (kosong: buka formulir)",
  "discord.option.name": "Nama program",
  "discord.option.weeks": "Lama putaran dalam minggu, 4 sampai 52",
  "discord.option.range": "Jam, lalu hari (1 = Senin sampai 7 = Minggu), misalnya 8-20 1-5 (kosong: lihat yang berlaku)",
  "discord.option.user": "Orang yang tidak ingin Anda jadikan rekan",
  "discord.option.values": "Misalnya tujuan=4 aturan-tim=sama (kosong: lihat bobot yang berlaku)",
  "discord.form.continue": "Lanjutkan ({step}/{total})",
  "discord.form.stepSaved": "Bagian {step} dari {total} sudah tersimpan. Tekan tombol untuk mengisi sisanya.",
  "discord.form.problems": "Ada jawaban yang perlu dicek lagi. Yang sudah Anda isi tetap tersimpan:",
  "discord.form.fix": "Perbaiki jawaban",
  "discord.form.expired": "Formulir ini sudah kedaluwarsa, jadi tidak ada yang dikirim. Silakan mulai lagi.",
  "discord.form.yes": "Ya",
  "discord.form.no": "Tidak",
  "discord.form.datePlaceholder": "TTTT-BB-HH",
  "discord.form.timePlaceholder": "JJ:MM",
  "discord.command.organizer": "Penyelenggara: ajak orang lain ikut menyelenggarakan program ini",
  "discord.option.organizer": "Orang yang akan ikut menyelenggarakan program bersama Anda",
  "discord.command.access": "Admin: siapa yang boleh menyiapkan program mentoring di server ini",
  "discord.option.who": "everyone, admins, atau @peran / @orang yang diizinkan",
  "discord.command.role": "Penyelenggara: izinkan semua pemilik suatu peran ikut menyelenggarakan program ini",
  "discord.option.role": "Peran yang anggotanya boleh menyelenggarakan (kosong: hapus peran)",
  "discord.form.open": "Tekan tombol untuk membuka formulirnya.",
  "discord.thread.name": "Mentoring sebaya: {names}",
  "discord.thread.pointer": "Utas mentoring pribadi Anda bersama {names} sudah siap: {thread}. Silakan saling sapa di sana!",

  // Slack: requests the app does not handle
  "slack.unhandled.command":
    "Saya hanya menjawab /mentoring, bukan {command}. Ketik /mentoring help untuk melihat apa saja yang bisa saya bantu.",
  "slack.unhandled.action":
    "Tombol itu sudah tidak berlaku, jadi tidak ada yang berubah. Ketik /mentoring help untuk melihat apa yang bisa Anda lakukan sekarang.",
  "slack.unhandled.shortcut": "Saya belum punya pintasan. Ketik /mentoring help untuk melihat apa saja yang bisa saya bantu.",
  "slack.unhandled.form": "Formulir itu sudah tidak berlaku, jadi isiannya tidak tersimpan. Silakan mulai lagi lewat /mentoring.",
  // issue 12 (words)
  "report.membersJoined": "{joined} mendaftar: {active} ikut ({paused} di antaranya sedang rehat), {left} keluar",
  "report.groupsFormed":
    "{total} terbentuk: {active} aktif ({trios, plural, =0 {tidak ada yang bertiga} other {# di antaranya bertiga}}), {endedEarly} berakhir lebih awal, {endedWithRound} selesai bersama putaran",
  "report.sessionsPlanned":
    "{total} terjadwal: {held} terlaksana, {missed} terlewat, {rescheduled} dijadwalkan ulang, {awaiting} menunggu cerita sesi, {upcoming} akan datang",
  "report.checkInsRated": "{count}+ jawaban, {rated}+ di antaranya dengan nilai",
  "report.checkInsFewRated":
    "{count}+ jawaban, kurang dari {min} di antaranya dengan nilai (hanya “kami bertemu” yang diberi nilai)",
  "report.ratingAverage": "{value, number, ::.0} dari 5 (dari {count} nilai pertama)",
  "report.ratingTooFew": "ditampilkan setelah ada {min} jawaban bernilai",
  "weight.name.goal": "tujuan",
  "weight.name.twoWay": "dua-arah",
  "weight.name.interest": "minat",
  "weight.name.team": "tim",
  "weight.name.teamPolicy": "aturan-tim",
  "weight.name.timezone": "zona-waktu",
  "weight.name.noOverlap": "tanpa-irisan",
  "weight.name.repeat": "pasangan-lama",
  "weight.name.fairness": "keadilan",
  "weight.name.workdayStart": "mulai-kerja",
  "weight.name.workdayEnd": "selesai-kerja",
  "weight.about.goal": "poin untuk tiap tujuan belajar yang bisa dibantu rekannya, dari kedua arah",
  "weight.about.twoWay": "bonus kalau keduanya sama-sama bisa belajar dari satu sama lain",
  "weight.about.interest": "poin untuk tiap minat yang sama",
  "weight.about.team": "bonus kalau tim mereka sesuai dengan aturan tim",
  "weight.about.teamPolicy": "rekan sebaiknya dari tim yang berbeda, dari tim yang sama, atau bebas",
  "weight.about.timezone": "bonus untuk jam kerja yang beririsan, makin banyak makin besar",
  "weight.about.noOverlap": "dikurangi kalau jam kerja mereka sama sekali tidak beririsan",
  "weight.about.repeat": "dikurangi kalau memasangkan lagi rekan dari putaran lalu (makin kecil untuk putaran yang lebih lama)",
  "weight.about.fairness": "bonus untuk yang di putaran lalu bertiga atau belum dapat rekan",
  "weight.about.workdayStart": "jam mulai kerja, untuk mencari jam yang beririsan",
  "weight.about.workdayEnd": "jam selesai kerja",
  "weight.team.different": "beda",
  "weight.team.same": "sama",
  "weight.team.ignore": "bebas",
  "weights.title":
    "Cara pencocokan menilai kecocokan di program ini. Ubah salah satunya dengan /mentoring weights nama=nilai, misalnya {example}.",
  "weights.line": "• {name}={value} ({min} sampai {max}): {about}",
  "weights.linePolicy": "• {name}={value} ({options}): {about}",
  "weights.or": "{first} atau {last}",
  "problem.weightNumber": "Bobot {name} diisi angka dari {min} sampai {max}, misalnya {name}={example}.",
  "problem.weightWhole": "Bobot {name} diisi angka bulat dari {min} sampai {max}, misalnya {name}={example}.",
  "problem.weightChoice": "Bobot {name} diisi {options}, misalnya {name}={example}.",
  "problem.unknownWeight": "Tidak ada bobot bernama {names}. Bobot yang ada: {known}.",
  "problem.hoursFrom": "Jam mulai diisi angka bulat dari 0 sampai 23, seperti angka 8 pada 8-20.",
  "problem.hoursUntil": "Jam selesai diisi angka bulat dari 1 sampai 24, seperti angka 20 pada 8-20.",
  "problem.hoursDays": "Hari ditulis dengan angka 1 (Senin) sampai 7 (Minggu), misalnya 1-5 untuk Senin sampai Jumat.",
  "problem.person": "Sebutkan orangnya: mention dia (@nama) atau tulis namanya seperti yang tampil di sini.",
  "refusal.unknownPerson":
    "Saya belum kenal orang bernama “{name}” di sini, jadi tidak ada yang diubah. Mention dia (ketik @ lalu pilih namanya), atau minta dia memakai /mentoring sekali dulu.",
  "refusal.ambiguousPerson":
    "Ada lebih dari satu orang bernama “{name}” di sini, jadi tidak ada yang diubah. Mention orang yang Anda maksud (ketik @ lalu pilih namanya).",
  "errorLabel.everyDays": "Jarak antarsesi (hari)",
  "errorLabel.rating": "Nilai sesi",
  "errorLabel.reason": "Alasan",
  "errorLabel.outcome": "Jawaban untuk “Apakah kalian bertemu?”",
  "errorLabel.until": "Tanggal kembali",
  "errorLabel.userId": "Nama orang",
  "words.and": "{first} dan {last}",
  // issue 12 (clock)
  // Berakhir sebelum sempat bertemu: tanpa ucapan terima kasih "atas sesi-sesi yang sudah dijalani".
  "end.doneNoSessions": "Pasangan mentoring Anda dengan {names} sudah diakhiri. Alasan Anda tetap rahasia.",
  "end.partnerNoSessions":
    "{name} memutuskan untuk mengakhiri pasangan mentoring kalian. Tidak apa-apa, dan bukan salah siapa-siapa: ritme dan kebutuhan tiap orang memang bisa berbeda.",
  "console.restoredClockOnly":
    "Selamat datang kembali: data di sini sudah sampai {when}, jadi playground melanjutkan dari situ. Pesan-pesan sebelumnya tidak tersimpan oleh versi lama; lihat posisi terakhir lewat /mentoring status.",
  "round.wrapUpNoSessions":
    "Putaran {number} program {program} berakhir di sini. Kali ini kalian belum sempat bertemu, dan itu wajar. Terima kasih sudah ikut serta!",

  // issue 12 (journey)
  "time.inMinutes": "{minutes} menit lagi ({time})",
  "time.inHours": "{hours} jam lagi ({time})",
  "time.today": "hari ini pukul {time}",
  "time.tomorrow": "besok pukul {time}",
  "reminder.upcoming": "Jangan lupa sesi {number} ya ({minutes} menit). {times}",
  "reminder.startingSoon": "Sesi {number} sebentar lagi dimulai: {times}. Selamat berbagi!",
  "problem.weekdayWeeks":
    "Kalau harinya tetap, jadwalnya tiap 7 atau 14 hari. Untuk jarak hari yang lain, kosongkan saja pilihan harinya.",
  "refusal.weekdayOff":
    "{weekday} bukan hari kerja di program ini ({days}), jadi sesi tidak bisa jatuh di hari itu. Coba pilih hari lain, ya.",
  "cadence.hint.routine":
    "7 atau 14 kalau harinya tetap: tiap minggu atau dua minggu sekali. Kalau harinya bebas, boleh 7 sampai 14.",
  "cadence.hint.weekday": "Kosongkan kalau mau bertemu tiap beberapa hari tanpa hari tetap; sesinya selalu jatuh di hari kerja.",
  "cadence.proposedInterval":
    "{name} mengusulkan bertemu tiap {everyDays} hari selama {minutes} menit, pukul {time} ({zone}), tanpa hari tetap (selalu di hari kerja).",
  "leave.confirm": "Yakin mau keluar dari putaran {number}? Anda tidak akan dipasangkan di putaran ini.",
  "leave.confirmPaired":
    "Yakin mau keluar dari putaran {number}? Mentoring Anda bersama rekan akan berakhir, dan rekan Anda diberi tahu dengan baik, tanpa menyebut alasan apa pun.",
  "leave.confirmButton": "Ya, saya keluar",
  "leave.doneOpen":
    "Anda sudah keluar dari putaran {number}. Berubah pikiran? Selama pendaftaran masih dibuka, Anda bisa ikut lagi.",
  "leave.doneClosed":
    "Anda sudah keluar dari putaran {number}. Pendaftarannya sudah ditutup, jadi sampai jumpa di putaran berikutnya.",
  "journal.readButton": "Baca catatan saya",
  "journal.newest": "{shown} catatan terbaru dari {total} catatan Anda.",
  "field.date": "Tanggal",
  "move.form.title": "Waktu baru untuk sesi {number}",
  "move.form.submit": "Pindahkan sesi",
  "move.hint.date": "Hari pengganti untuk bertemu, format TTTT-BB-HH, di hari kerja.",
  "move.button": "Atur waktu baru",
  "checkin.rescheduled.ask":
    "Oke, dicatat. Jadi, kapan kalian akan bertemu? Atur waktu barunya, nanti sesi {number} dipindah ke sana (sementara ini {when}).",
  "move.done": "Beres: sesi {number} sekarang dijadwalkan {when}. Rekan Anda sudah diberi tahu.",
  "move.moved": "{name} memindahkan sesi {number}. Waktu barunya: {times}",
  "refusal.moveStarted": "Sesi {number} sudah dimulai, jadi tidak bisa dipindah lagi.",
  "refusal.moveInPast": "Waktu itu sudah lewat. Coba pilih waktu yang masih di depan, ya.",
  "refusal.moveDayOff": "{weekday} bukan hari kerja di program ini ({days}). Coba pilih hari lain, ya.",
  "match.nothing":
    "Kali ini tidak ada yang bisa dipasangkan, jadi tidak ada perkenalan yang dikirim. Masih menunggu: {names}. Semua yang sedang luang sudah pernah berpasangan dengan mereka di putaran ini, atau memang tidak bisa dipasangkan; mereka akan dikenalkan begitu ada yang luang atau di putaran berikutnya.",
  "match.joinedGroups":
    "{count} orang yang menunggu bergabung ke sebuah pasangan sebagai orang ketiga; perkenalannya sedang dikirim.",
  "match.stillWaiting": "Masih menunggu rekan: {names}.",
  "end.rematchQueued":
    "Saat ini belum ada yang luang untuk pasangan baru, jadi Anda masuk daftar tunggu. Penyelenggara bisa melihat siapa saja yang menunggu, dan saya akan mengenalkan Anda begitu ada yang luang.",
  "report.waiting": "Menunggu rekan: {names}",
  "nudge.schedule":
    "Sudah {days} hari sejak perkenalan, tapi kalian belum punya jadwal rutin. Sepakati jadwal sejak awal (45–60 menit, tiap minggu atau dua minggu sekali) supaya pertemuannya terus berjalan. Salah satu dari kalian bisa mengusulkannya sekarang:",
  "organizer.notStarted":
    "{names} ({program}) belum sempat bertemu sekali pun, padahal sudah dua minggu sejak perkenalan. Sapaan ringan dari Anda mungkin bisa membantu mereka memulai.",
  "nudge.confirm":
    "Sudah {days} hari sejak perkenalan, dan usulan jadwal dari {name} masih menunggu disetujui. Setujui, atau usulkan waktu lain:",
  "discord.command.notes": "Baca catatan pribadi Anda (hanya Anda yang bisa melihatnya)",

  // Putaran selesai sebelum sesi rutin berikutnya.
  "checkin.noneBeforeRoundEnd": "tidak ada lagi, karena putaran ini selesai pada {date}",

  // issue 13 (profile)
  "profile.title": "Profil Anda di {program}",
  "profile.noInterests": "belum diisi",
  "profile.nextRound":
    "Formulir pendaftaran putaran berikutnya langsung terisi dari profil ini, jadi Anda cukup mengubah yang baru. Hanya Anda yang bisa melihat profil ini; penyelenggara hanya melihat angka keseluruhan.",
  "profile.editButton": "Ubah",
  "profile.none":
    "Anda belum punya profil di {program}. Profil dibuat saat Anda ikut putaran: keahlian yang bisa dibagikan, yang ingin dipelajari, minat, dan tim Anda.",
  "profile.noneAnywhere": "Anda belum punya profil. Profil dibuat saat Anda ikut putaran di kanal program Anda.",
  "refusal.noProfile": "Belum ada profil yang bisa diubah. Profil dibuat saat Anda ikut putaran.",
  "profile.form.title": "Ubah profil Anda",
  "profile.form.submit": "Simpan",
  "profile.saved":
    "Tersimpan! Profil Anda di {program} sudah diperbarui, dan pendaftaran putaran berikutnya akan mulai dari profil ini. Pasangan mentoring Anda yang sekarang tetap seperti biasa.",
  "help.profile":
    "• /mentoring profile: lihat dan ubah keahlian, hal yang ingin dipelajari, minat, dan tim Anda; pendaftaran putaran berikutnya mulai dari sini",
  "discord.command.profile": "Lihat dan ubah profil Anda: keahlian, yang ingin dipelajari, minat, tim",

  // issue 13 (topics): penyelenggara menyesuaikan topik program.
  "topics.title": "Topik di {program}: {count} (kosakata bersama, plus perubahan khusus program ini)",
  "topics.noChanges": "Belum ada perubahan: program ini memakai kosakata bersama apa adanya.",
  "topics.added": "Ditambahkan: {label} ({aliases, plural, =0 {tanpa nama lain} other {# nama lain}})",
  "topics.renamed": "Diganti nama: {from} sekarang {to}",
  "topics.merged": "Digabung: {from} dibaca sebagai {into}",
  "topics.retired": "Tidak dipakai lagi: {label} (tulisan seperti ini dibandingkan apa adanya)",
  "topics.saved":
    "Tersimpan. Pencocokan berikutnya membaca tulisan anggota dengan perubahan ini; pasangan yang sudah berjalan tidak berubah.",
  "topics.howTo":
    "Untuk mengubah topik, ketik /mentoring topik lalu: tambah nama Inggris | nama Indonesia | nama lain, … · ganti topik | nama Inggris | nama Indonesia · gabung topik | ke topik · hapus topik. Topik boleh disebut dalam bahasa apa saja.",
  "topics.usage":
    "Awali perubahannya dengan tambah, ganti, gabung, atau hapus. Contoh: /mentoring topik gabung statistika | analisis data",
  "topics.unknown":
    "Saya belum kenal topik “{name}” di program ini. Sebut seperti anggota biasa menulisnya, dalam bahasa apa saja, atau pakai id-nya.",
  "topics.exists": "“{name}” sudah jadi topik di program ini. Ganti namanya, atau gabungkan ke topik itu.",
  "topics.badLabel": "Tiap nama perlu 2 sampai 60 karakter: nama Inggris | nama Indonesia (nama Indonesia boleh dikosongkan).",
  "topics.sameTopic": "Keduanya memang sudah topik yang sama.",
  "topics.tooMany":
    "Perubahannya sudah melebihi batas satu program (200 topik tambahan, 500 yang tidak dipakai). Hapus atau gabungkan sebagian dulu, ya.",
  "help.topics":
    "• /mentoring topik [tambah | ganti | gabung | hapus …]: lihat atau sesuaikan topik yang dipakai untuk membaca tulisan anggota",
  "discord.command.topics": "Penyelenggara: lihat atau sesuaikan topik program",
  "discord.option.topicChange": "Contoh: gabung statistika | analisis data (kosong: lihat daftar topik)",
  // issue 13 (intake reading)
  "review.intro": "Sebelum saya simpan, ini yang saya tangkap dari isian Anda:",
  "review.kept": "“{text}” (disimpan sesuai tulisan Anda)",
  "review.keptWhy": "Yang belum saya kenali tetap disimpan sesuai tulisan Anda, dan dicocokkan lewat kata-kata itu.",
  "review.question": "Sudah pas? Saya baru menyimpannya setelah Anda setujui.",
  "review.confirm": "Ya, sudah pas",
  "review.fix": "Perbaiki dulu",
  "review.expired":
    "Pengecekan ini sudah tidak berlaku (hanya menunggu satu jam). Buka lagi formulirnya lewat /mentoring join, ya.",
  "hint.read": "Saya tangkap: {topics}",
  "hint.didYouMean": "“{text}”: maksud Anda {options}? Tulis begitu supaya dicocokkan dengan topik itu.",
  "join.other": "{field}: yang lain, dengan kata-kata Anda sendiri",
  "discord.option.expertise": "Keahlian yang bisa dibagikan: ketik untuk melihat topik (langsung masuk formulir)",
  "discord.option.goals": "Yang ingin dipelajari: ketik untuk melihat topik (langsung masuk formulir)",
  // issue 16 (audit trail; a workspace or server that removed the app)
  "discord.command.audit": "Penyelenggara: siapa melakukan apa di program ini, terbaru di atas",
  "help.audit": "• {command} audit: siapa melakukan apa di program ini (20 tindakan penyelenggara terakhir, tanpa hal pribadi)",
  "audit.title": "Jejak tindakan penyelenggara: {name}",
  "audit.titleAll": "Jejak tindakan penyelenggara di program Anda",
  "audit.intro": "Yang terbaru di atas, paling banyak {count}, dalam zona waktu Anda ({zone}).",
  "audit.empty": "Belum ada tindakan penyelenggara yang tercatat.",
  "audit.line": "{when} · {who}: {what}",
  "audit.lineIn": "{when} · {program} · {who}: {what}",
  "audit.nobody": "seseorang yang sudah tidak ada di sini",
  "audit.action.program.setup": "menyiapkan program",
  "audit.action.round.open": "membuka putaran {round}",
  "audit.action.round.match": "menjalankan pencocokan putaran {round}",
  "audit.action.round.close": "menutup putaran {round}",
  "audit.action.program.weights": "mengubah bobot pencocokan ({values})",
  "audit.action.program.hours": "mengubah kapan bot boleh menghubungi anggota ({values})",
  "audit.action.program.organizer": "menambahkan {name} sebagai penyelenggara",
  "audit.action.program.role": "menetapkan peran penyelenggara",
  "audit.action.program.roleCleared": "menghapus peran penyelenggara",
  "audit.action.program.topics": "mengubah topik ({values})",
  "audit.action.setup.access": "mengubah siapa yang boleh menyiapkan program ({values})",
  "audit.action.program.report": "melihat rekap program",
  "audit.action.other": "melakukan “{action}”",
  "departure.left":
    "Sebaya dikeluarkan dari workspace atau server tempat {names} berjalan. Datanya di sana (anggota, pasangan, catatan pribadi) akan dihapus pada {date}. Kalau Sebaya ditambahkan lagi sebelum tanggal itu, tidak ada yang hilang.",
  "departure.back":
    "Sebaya sudah kembali di tempat {names} berjalan. Penghapusan yang dijadwalkan dibatalkan: tidak ada yang hilang.",
  // issue 16 (erase): hapus data saya, masa simpan, keluar menawarkan hapus data.
  "discord.command.forgetMe": "Hapus semua yang Sebaya simpan tentang Anda",
  "help.forget":
    "• {command} hapus-data-saya: hapus semua yang Sebaya simpan tentang Anda (Anda diminta memastikan dulu lewat formulir)",
  "forget.form.title": "Hapus data saya",
  "forget.form.submit": "Hapus",
  "forget.form.intro":
    "Ini menghapus semua yang Sebaya simpan tentang Anda, di semua program di sini: profil Anda (keahlian, hal yang ingin dipelajari, minat, tim), catatan pribadi, cerita sesi beserta nilainya, evaluasi, alasan mengakhiri pasangan, daftar “jangan pasangkan saya dengan” (termasuk catatan orang lain tentang Anda), dan formulir yang belum selesai.\n\nKalau Anda sedang punya pasangan mentoring, pasangan itu diakhiri dengan baik: rekan Anda diberi tahu bahwa Anda sudah keluar dari Sebaya (tanpa alasan apa pun) dan ditawari pasangan baru.\n\nYang tetap ada: riwayat pasangan yang lalu menampilkan “Mantan anggota” sebagai ganti nama Anda, supaya riwayat rekan Anda tetap utuh, dan angka rekap yang dilihat penyelenggara tidak berubah. Pesan yang sudah terkirim tetap ada di aplikasi chat Anda. Ini tidak bisa dibatalkan; kalau nanti kembali, Anda mulai dari awal.",
  "forget.field.confirm": "Hapus semua data saya?",
  "forget.hint.confirm": "Pilih ini kalau Anda yakin. Ini tidak bisa dibatalkan.",
  "forget.confirmOption": "Ya, hapus data saya",
  "forget.done":
    "Beres: semua yang Sebaya simpan tentang Anda sudah dihapus{paired, select, yes {, dan pasangan mentoring Anda sudah diakhiri dengan baik} other {}}. Terima kasih sudah ikut. Anda selalu boleh kembali kapan saja, mulai dari awal.",
  "forget.partner":
    "Rekan Anda sudah keluar dari Sebaya, jadi pasangan mentoring ini berakhir. Terima kasih atas waktu yang sudah dibagi bersama.",
  "forget.remaining": "Salah satu anggota kelompok Anda sudah keluar dari Sebaya. Kalian yang lain tetap lanjut bersama.",
  "forget.placeholder": "Mantan anggota",
  "leave.forgetHint":
    "Ingin Sebaya juga menghapus data Anda (profil, catatan, nilai)? Bisa, lewat {command} hapus-data-saya atau tombol di bawah ini.",
  "leave.forgetButton": "Hapus data saya…",
  "discord.command.retention": "Penyelenggara: berapa lama catatan pribadi disimpan setelah putaran ditutup",
  "discord.option.months": "Jumlah bulan, 1 sampai 120 (kosong: lihat pengaturannya)",
  "help.retention":
    "• {command} retensi [bulan]: lihat atau atur berapa lama catatan pribadi anggota disimpan setelah putaran ditutup (12 bulan kalau tidak diubah)",
  "retention.current":
    "Di {program}, catatan pribadi anggota (catatan pribadi, catatan cerita sesi, alasan mengakhiri pasangan, jawaban evaluasi) dihapus {months, plural, other {# bulan}} setelah putarannya ditutup. Angka di rekap tetap ada.",
  "retention.saved":
    "Tersimpan: di {program}, catatan pribadi sekarang dihapus {months, plural, other {# bulan}} setelah putarannya ditutup. Angka di rekap tetap ada.",
  "status.retention": "Catatan pribadi disimpan sampai",
  "status.retentionValue": "{date} ({months, plural, other {# bulan}} setelah putaran ditutup)",
  // issue 16 (export): data milik anggota sendiri, dan ringkasan pemberitahuan privasi.
  "help.privacy":
    "• {command} mydata: semua data Anda yang disimpan Sebaya, dikirim lewat DM hanya untuk Anda (ringkasan dan file JSON)",
  "discord.command.privacy": "Data Anda di Sebaya: lihat, hapus; penyelenggara: lama penyimpanan catatan, jejak tindakan",
  "discord.command.mydata": "Terima semua data Anda yang disimpan Sebaya, lewat DM pribadi",
  "privacy.summary":
    "Soal privasi: catatan pribadi, cerita sesi, alasan mengakhiri, dan evaluasi Anda hanya bisa Anda baca sendiri; rekan Anda melihat nama dan profil Anda, penyelenggara melihat angka rekap dan seberapa sering tiap pasangan bertemu. Tulisan pribadi disimpan terenkripsi dan dihapus 12 bulan setelah putarannya selesai. {command} mydata mengirimi Anda semua data yang disimpan Sebaya; {command} forget-me menghapusnya.",
  "privacy.intake":
    "Soal privasi: rekan Anda melihat nama dan jawaban ini; penyelenggara melihat angka rekap dan seberapa sering tiap pasangan bertemu. Yang nanti Anda tulis secara pribadi hanya untuk Anda, disimpan terenkripsi, dan dihapus 12 bulan setelah putarannya selesai; cara mengambil atau menghapus data Anda ada di bantuan.",
  "mydata.sent":
    "Semua data Anda yang disimpan Sebaya sudah saya kirim lewat DM: ringkasan dan file {file}. Hanya Anda yang bisa melihatnya.",
  "mydata.tooLarge":
    "Data Anda terlalu besar untuk dikirim dalam satu file. Tidak ada yang berubah; minta tolong penyelenggara untuk mengekspornya, ya.",
  "mydata.title": "Data Anda di Sebaya",
  "mydata.intro":
    "Ini semua yang disimpan Sebaya tentang Anda di workspace ini, per {date}. Isi lengkapnya ada di file {file}; di bawah ini ringkasannya. Pesan ini hanya untuk Anda.",
  "mydata.name": "Nama",
  "mydata.notChosen": "belum dipilih",
  "mydata.program": "Program {program}: profil Anda",
  "mydata.programOrganizer": "Program {program} (Anda penyelenggaranya): profil Anda",
  "mydata.noProfile": "Belum ada profil di sini.",
  "mydata.morePrograms": "{count} program lainnya ada di file.",
  "mydata.counts":
    "Putaran yang diikuti: {rounds} · Pasangan: {pairings} · Sesi: {sessions} · Cerita sesi Anda: {checkIns} · Evaluasi Anda: {evaluations} · Pasangan yang Anda akhiri: {endings} · Catatan pribadi: {journal}",
  "mydata.partners": "Pernah berpasangan dengan: {names}",
  "mydata.avoiding": "Anda minta tidak pernah dipasangkan dengan: {names}",
  "mydata.andMore": "{list}, dan {count} lainnya",
  // issue 17: grafik untuk penyelenggara
  "chart.title": "{name}: perjalanan program",
  "chart.subtitle": "Putaran {first} sampai {last}, per {date}",
  "chart.subtitleOne": "Putaran {number}, per {date}",
  "chart.footnote":
    "Jawaban tiap orang tetap rahasia: jawaban dihitung per kelompok utuh berisi {block}, dan angka dari jawaban yang lebih sedikit disembunyikan, tidak digambar.",
  "chart.hidden": "disembunyikan (kurang dari {min} jawaban)",
  "chart.hiddenDrawn": "disembunyikan:\nkurang dari\n{min} jawaban",
  "chart.empty": "belum ada",
  "chart.roundLabel": "Putaran {number}",
  "chart.participation": "Yang ikut serta",
  "chart.joined": "mendaftar",
  "chart.matched": "dapat pasangan",
  "chart.met": "sudah bertemu",
  "chart.stillMeeting": "masih bertemu",
  "chart.sessionsByWeek": "Sesi per minggu",
  "chart.held": "terlaksana",
  "chart.missed": "terlewat",
  "chart.checkInResponse": "Cerita sesi yang dijawab",
  "chart.answered": "dijawab",
  "chart.ratings": "Nilai sesi",
  "chart.ratingValue": "nilai {value}",
  "chart.goalsReached": "Tujuan tercapai",
  "chart.goalsReachedSeries": "tujuan tercapai",
  "chart.mixing": "Siapa bertemu siapa, per tim",
  "chart.otherTeams": "tim lainnya",
  "chart.altPair": "{a} dengan {b}: {count} pasang",
  "chart.caption": "Ini grafik untuk {name}. Angka yang sama dalam kata-kata:",
  "chart.sent": "Grafik {name} sudah saya kirim ke DM Anda.",
  "chart.nothing": "{name} belum punya putaran, jadi belum ada grafik yang bisa dikirim.",
  "home.chart": "Kirimi saya grafiknya",
  "demo.chartWritten": "📊 Grafik untuk penyelenggara tersimpan di {path}",
  // issue 18: undangan kalender
  "calendar.summary": "Mentoring sebaya: {names}",
  "calendar.agenda":
    "Agenda: cerita kabar sejak pertemuan terakhir, lalu bahas tujuan kalian ({goals}). Bawa satu pertanyaan atau masalah nyata dari minggu ini.",
  "calendar.footer": "Dikirim oleh Sebaya. Kalau jadwal berubah, undangan baru akan menggantikan acara ini.",
  "calendar.invite":
    "📅 Jadwal sesi Anda dengan {names} untuk kalender: setiap {everyDays} hari, masing-masing {minutes} menit. Buka file terlampir untuk menambahkan semua sesinya sekaligus.",
  "calendar.updated":
    "📅 Jadwal sesi Anda dengan {names} berubah. Buka file terlampir supaya acara di kalender Anda ikut diperbarui.",
  "calendar.next": "Sesi berikutnya: {when}",
  "calendar.howTo": "Malas buka file? Tambahkan lewat tautan ini:",
  "calendar.google": "Tambah ke Google Calendar",
  "calendar.outlook": "Tambah ke Outlook",
  "calendar.outlookRepeat": "Berulang setiap {everyDays} hari sampai {until}: atur pengulangannya waktu menyimpan.",
  "calendar.offHint": "Tidak perlu file seperti ini?",
  "calendar.offButton": "Matikan undangan kalender",
  "calendar.paused":
    "📅 Sesi Anda dengan {names} sedang rehat, jadi file terlampir mengeluarkannya dulu dari kalender Anda. Begitu rehatnya selesai, undangan baru menyusul.",
  "calendar.cancelled": "📅 Sesi Anda dengan {names} tidak jadi berlanjut. File terlampir menghapusnya dari kalender Anda.",
  "calendar.ended":
    "📅 Sesi Anda dengan {names} sudah selesai. File terlampir mengakhiri jadwalnya di kalender Anda pada {until}; sesi yang sudah lewat tetap tercatat.",
  "calendar.on.done": "Undangan kalender sudah nyala lagi. Undangan untuk sesi Anda sekarang dikirim ke DM.",
  "calendar.on.doneNothing": "Undangan kalender sudah nyala. Begitu Anda dan pasangan sepakat jadwal, undangannya dikirim.",
  "calendar.on.already": "Undangan kalender memang sudah nyala.",
  "calendar.off.done":
    "Undangan kalender dimatikan: Sebaya tidak akan mengirim file lagi. Acara yang sudah ada di kalender tetap ada sampai Anda hapus sendiri. Nyalakan lagi dengan “kalender nyala”.",
  "calendar.off.already": "Undangan kalender memang sudah mati.",
  "help.calendar": "• {command} mati|nyala: hentikan atau kirim lagi undangan kalender (file .ics dan tautan) untuk sesi Anda",
  "discord.command.calendar": "Undangan kalender untuk sesi Anda: nyala atau mati",
  "discord.option.calendarState": "nyala atau mati",
  // issue 17 (bagian B): CSV untuk penyelenggara dan rangkuman putaran.
  "discord.option.reportExport": "csv, atau csv dan nomor putaran: satu baris per anggota, dikirim lewat DM",
  "audit.action.program.reportCsv": "mengambil daftar anggota (CSV) putaran {round}",
  "csv.name": "Nama",
  "csv.partners": "Pasangan",
  "csv.held": "Sesi terlaksana",
  "csv.missed": "Sesi terlewat",
  "csv.lastCheckIn": "Cerita sesi terakhir",
  "csv.intro":
    "Putaran {number} {program}, satu baris per anggota: {file}. Isinya menyebut nama orang, jadi simpan di antara penyelenggara saja, ya.",
  "csv.privacy":
    "Nilai, catatan, alasan mengakhiri, jawaban evaluasi (termasuk tujuan yang tercapai), dan catatan pribadi tidak pernah masuk ke file ini: semuanya milik orang yang menulisnya.",
  "csv.sent": "Daftar anggota putaran {number} sudah saya kirim lewat DM sebagai {file}. Hanya Anda yang menerimanya.",
  "csv.whichProgram":
    "Anda menyelenggarakan lebih dari satu program. Ketik perintah ini di kanal programnya, supaya saya tahu program yang mana.",
  "csv.noSuchRound": "Program ini tidak punya putaran {number}.",
  "csv.tooLarge": "Daftar putaran ini terlalu besar untuk dikirim sebagai satu file. Tidak ada yang berubah.",
  "retro.title": "Putaran {number} {program}: rangkumannya",
  "retro.participation":
    "Ada {joined} orang yang ikut putaran {number}, {pairs, plural, =0 {tapi belum ada pasangan yang terbentuk} other {dan terbentuk # pasangan}}.",
  "retro.participationCompared":
    "Ada {joined} orang yang ikut putaran {number} (putaran {previousNumber}: {previous} orang), {pairs, plural, =0 {tapi belum ada pasangan yang terbentuk} other {dan terbentuk # pasangan}}.",
  "retro.meeting": "{met} dari {pairs} pasangan sempat bertemu setidaknya sekali ({rate}%).",
  "retro.meetingCompared":
    "{met} dari {pairs} pasangan sempat bertemu setidaknya sekali ({rate}%), {trend, select, up {naik dari} down {turun dari} other {sama dengan}} {previous}% di putaran sebelumnya.",
  "retro.meetingNone": "Belum ada pasangan, jadi belum ada pertemuan yang bisa dihitung.",
  "retro.goals":
    "Dari {answers} evaluasi pertama, {count, plural, =0 {belum ada tujuan yang ditandai tercapai} other {anggota menandai # tujuan sudah tercapai}}.",
  "retro.goalsCompared":
    "Dari {answers} evaluasi pertama, {count, plural, =0 {belum ada tujuan yang ditandai tercapai} other {anggota menandai # tujuan sudah tercapai}} (putaran sebelumnya: {previous} dari {previousAnswers} evaluasi).",
  "retro.goalsHidden":
    "Jumlah tujuan yang tercapai kali ini tidak ditampilkan: evaluasi yang masuk belum sampai {min}, dan jawaban sesedikit itu bisa menunjuk ke orang tertentu.",
  "retro.more": "Angka lengkapnya: /mentoring report · satu baris per anggota: {csv} {number}",
  "retro.reportButton": "Rekap lengkap",
  "retro.csvButton": "Daftar anggota (CSV)",
};

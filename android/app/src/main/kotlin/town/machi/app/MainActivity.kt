package town.machi.app

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.viewModels
import town.machi.ui.MachiApp

/** The one activity: Compose draws the tabs (android/ui), speech goes to Android's TextToSpeech. */
class MainActivity : ComponentActivity() {
    private val model: MainModel by viewModels { MainModel.factory(application as MachiApplication) }
    private lateinit var speech: TextToSpeechReader

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        speech = TextToSpeechReader(this)
        setContent { MachiApp(model.session, speech) }
    }

    override fun onDestroy() {
        speech.shutdown()
        super.onDestroy()
    }
}
